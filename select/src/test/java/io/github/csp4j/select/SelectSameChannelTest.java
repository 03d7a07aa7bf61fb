package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One channel in several clauses of one select: two receive clauses take one element, two send
 * clauses send one value, whether ready at once or after waiting. A select that both sends and
 * receives on one rendezvous channel never pairs with itself: it stays blocked, with both
 * registrations in place, until another party comes; two such selects pair with each other.
 */
@Timeout(30)
class SelectSameChannelTest {

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void twoReadyReceiveClausesOnOneChannelTakeOneElement(Kind kind) throws Exception {
        for (int round = 0; round < 10; round++) {
            Channel<Integer> ch = kind.create();
            Async<Void> sender = Fixtures.offer(kind, ch, 1, ThreadKind.VIRTUAL);
            String r = Select.select(onReceive(ch, v -> "first " + v), onReceive(ch, v -> "second " + v));
            assertTrue(Set.of("first 1", "second 1").contains(r), r);
            Fixtures.finish(sender);
            Fixtures.assertIdle(ch);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void twoWaitingReceiveClausesOnOneChannelTakeOneElement(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Async<String> select = Async.start(thread,
                () -> Select.select(onReceive(ch, v -> "first " + v), onReceive(ch, v -> "second " + v)));
        Await.waiters(ch, 2, 0);

        ch.send(1);

        assertTrue(Set.of("first 1", "second 1").contains(select.get()));
        Fixtures.assertIdle(ch);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void twoSendClausesOnOneChannelSendOneValue(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Async<Integer> receiver = Fixtures.receiver(kind, ch, thread);

        int sent = Select.select(onSend(ch, 1, () -> 1), onSend(ch, 2, () -> 2));

        assertEquals(sent, Fixtures.delivered(ch, receiver));
        Fixtures.assertIdle(ch);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#blockingSendKindsAndThreads")
    void twoWaitingSendClausesOnOneChannelSendOneValue(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Fixtures.fill(kind, ch, 0);
        Async<Integer> select = Async.start(thread, () -> Select.select(onSend(ch, 1, () -> 1), onSend(ch, 2, () -> 2)));
        Await.waiters(ch, 0, 2);

        int first = ch.receive();

        int sent = select.get();
        List<Integer> rest = Fixtures.drain(ch);
        int last = rest.isEmpty() ? first : rest.get(rest.size() - 1);
        assertEquals(sent, last, "the select's value comes last");
        assertEquals(kind.capacity(), rest.size(), "exactly one value was sent: " + first + ", " + rest);
        Fixtures.assertIdle(ch);
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void sendAndReceiveOnOneRendezvousChannelWaitForAPartnerThatReceives(ThreadKind thread) throws Exception {
        Channel<Integer> r = Channel.rendezvous();
        Async<String> select = selfPairCandidate(thread, r);

        assertEquals(1, r.receive());

        assertEquals("sent", select.get());
        Fixtures.assertIdle(r);
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void sendAndReceiveOnOneRendezvousChannelWaitForAPartnerThatSends(ThreadKind thread) throws Exception {
        Channel<Integer> r = Channel.rendezvous();
        Async<String> select = selfPairCandidate(thread, r);

        r.send(2);

        assertEquals("received 2", select.get());
        Fixtures.assertIdle(r);
    }

    /** Starts a select sending 1 to and receiving from {@code r}; returns once it is parked, unpaired. */
    private static Async<String> selfPairCandidate(ThreadKind thread, Channel<Integer> r) {
        Async<String> select = Async.start(thread, () -> Select.select(onSend(r, 1, () -> "sent"), onReceive(r, v -> "received " + v)));
        Await.waiters(r, 1, 1);
        Await.parked(select.thread());
        select.assertRunning();
        Fixtures.assertWaiters(r, 1, 1); // both registrations still there: it did not pair with itself
        return select;
    }

    @Test
    void nonBlockingSendAndReceiveOnOneRendezvousChannelTakesTheDefault() throws Exception {
        Channel<Integer> r = Channel.rendezvous();
        for (int i = 0; i < 1000; i++) {
            assertEquals("default", Select.select(onSend(r, 1, () -> "sent"), onReceive(r, v -> "received " + v),
                    onDefault(() -> "default")));
        }
        Fixtures.assertIdle(r);
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void twoSelectsSendingAndReceivingOnOneRendezvousChannelPairWithEachOther(ThreadKind thread) throws Exception {
        for (int round = 0; round < 20; round++) {
            Channel<Integer> r = Channel.rendezvous();
            Async<String> first = Async.start(thread,
                    () -> Select.select(onSend(r, 1, () -> "first sent"), onReceive(r, v -> "first received " + v)));
            Await.waiters(r, 1, 1);
            Async<String> second = Async.start(thread,
                    () -> Select.select(onSend(r, 2, () -> "second sent"), onReceive(r, v -> "second received " + v)));

            String pair = first.get() + ", " + second.get();
            assertTrue(Set.of("first sent, second received 1", "first received 2, second sent").contains(pair), pair);
            Fixtures.assertIdle(r);
        }
    }
}
