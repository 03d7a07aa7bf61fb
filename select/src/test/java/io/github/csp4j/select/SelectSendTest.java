package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.SendResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Send clauses, over every channel kind and from virtual and platform threads: a ready send
 * delivers its value; the send clause not chosen sent nothing; a blocked send clause completes
 * when a receiver makes room, and its sibling left nothing behind; a closed channel makes the
 * select throw {@link ChannelClosedException} with the close cause; a send clause waiting when
 * the channel is closed is still received (channel semantics), and cancel fails it.
 */
@Timeout(30)
class SelectSendTest {
    private static final RuntimeException CAUSE = new RuntimeException("shutting down");

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void readySendDeliversItsValue(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous(); // nobody receives: never ready
        Async<Integer> receiver = Fixtures.receiver(kind, ch, thread);

        String r = Select.select(onSend(idle, 1, () -> "idle"), onSend(ch, 7, () -> "sent"));

        assertEquals("sent", r);
        assertEquals(7, Fixtures.delivered(ch, receiver));
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void sendClauseNotChosenSentNothing(Kind kind) throws Exception {
        for (int round = 0; round < 20; round++) { // both orders get chosen
            Channel<Integer> a = kind.create();
            Channel<Integer> b = kind.create();
            Async<Integer> receiverA = Fixtures.receiver(kind, a, ThreadKind.VIRTUAL);
            Async<Integer> receiverB = Fixtures.receiver(kind, b, ThreadKind.VIRTUAL);

            String which = Select.select(onSend(a, 1, () -> "a"), onSend(b, 2, () -> "b"));

            boolean choseA = which.equals("a");
            assertEquals(choseA ? 1 : 2, Fixtures.delivered(choseA ? a : b, choseA ? receiverA : receiverB));
            Channel<Integer> other = choseA ? b : a;
            Async<Integer> otherReceiver = choseA ? receiverB : receiverA;
            if (otherReceiver != null) { // still waiting, and gets what we send now
                Fixtures.assertWaiters(other, 1, 0);
                assertEquals(SendResult.SENT, other.trySend(99));
                assertEquals(99, otherReceiver.get());
            }
            Fixtures.assertIdle(a);
            Fixtures.assertIdle(b);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#blockingSendKindsAndThreads")
    void blockedSendCompletesWhenAReceiverMakesRoom(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> a = kind.create();
        Channel<Integer> b = kind.create();
        Fixtures.fill(kind, a, 0);
        Fixtures.fill(kind, b, 0);
        Async<String> select = Async.start(thread, () -> Select.select(onSend(a, 1, () -> "a"), onSend(b, 2, () -> "b")));
        Await.waiters(a, 0, 1);
        Await.waiters(b, 0, 1);
        select.assertRunning();

        List<Integer> fromB = new ArrayList<>();
        fromB.add(b.receive());

        assertEquals("b", select.get());
        fromB.addAll(Fixtures.drain(b));
        List<Integer> expectedB = new ArrayList<>(Collections.nCopies(kind.capacity(), 0));
        expectedB.add(2);
        assertEquals(expectedB, fromB, "b: its fillers, then the select's element");
        Fixtures.assertWaiters(a, 0, 0);
        assertEquals(Collections.nCopies(kind.capacity(), 0), Fixtures.drain(a), "a: only its fillers");
        Fixtures.assertIdle(a);
        Fixtures.assertIdle(b);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void sendOnClosedChannelThrowsWithTheCause(Kind kind) {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous();
        ch.close(CAUSE);

        ChannelClosedException e = assertThrows(ChannelClosedException.class,
                () -> Select.select(onReceive(idle, v -> "idle"), onSend(ch, 1, () -> "sent")));

        assertSame(CAUSE, e.getCause());
        assertTrue(ch.tryReceive().isClosed(), "nothing was sent");
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void sendOnChannelClosedWithoutCauseThrowsWithoutCause(Kind kind) {
        Channel<Integer> ch = kind.create();
        ch.close();
        assertNull(assertThrows(ChannelClosedException.class, () -> Select.select(onSend(ch, 1, () -> "sent"))).getCause());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#blockingSendKindsAndThreads")
    void sendClauseWaitingAtCloseIsStillReceived(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous();
        Fixtures.fill(kind, ch, 0);
        Async<String> select = Async.start(thread, () -> Select.select(onSend(ch, 1, () -> "sent"), onReceive(idle, v -> "idle")));
        Await.waiters(ch, 0, 1);

        ch.close(CAUSE);
        List<Integer> received = new ArrayList<>();
        for (int i = 0; i <= kind.capacity(); i++) {
            received.add(ch.receive());
        }

        assertEquals("sent", select.get());
        List<Integer> expected = new ArrayList<>(Collections.nCopies(kind.capacity(), 0));
        expected.add(1);
        assertEquals(expected, received);
        assertSame(CAUSE, assertThrows(ChannelClosedException.class, ch::receive).getCause());
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#blockingSendKindsAndThreads")
    void cancelFailsAWaitingSendClause(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous();
        Fixtures.fill(kind, ch, 0);
        Async<String> select = Async.start(thread, () -> Select.select(onSend(ch, 1, () -> "sent"), onReceive(idle, v -> "idle")));
        Await.waiters(ch, 0, 1);

        ch.cancel();

        assertTrue(select.failure(ChannelClosedException.class).isCancelled());
        Fixtures.assertIdle(idle);
    }
}
