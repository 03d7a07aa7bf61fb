package io.github.csp4j.channels;

import static io.github.csp4j.channels.Support.fillUp;
import static io.github.csp4j.channels.Support.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Async.Flavour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * First come, first served, for every kind and capacity. Waiters are started one after the other
 * and each is known to wait (parked in the channel) before the next starts, so the arrival order
 * is certain:
 * <ul>
 *   <li>receivers blocked in order R1, R2, R3 get the elements sent next in that order, whether
 *       they wait with or without a timeout, on virtual or platform threads;</li>
 *   <li>senders blocked in order S1, S2, S3 on a full channel are received, after the buffer, in
 *       that order;</li>
 *   <li>nobody overtakes a waiter: a try-receive does not take an element that a waiting receiver
 *       is owed, a try-send does not take room that a waiting sender is owed;</li>
 *   <li>a waiter that gave up (timed out) is skipped.</li>
 * </ul>
 */
@Timeout(30)
class ChannelFairnessTest {
    /**
     * How long the impatient waiter waits: long enough that the test sees it parked before it
     * gives up even on a starved machine (20 ms was not, at 90% CPU steal).
     */
    private static final Duration IMPATIENCE = Duration.ofMillis(250);


    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void blockedReceiversAreServedInArrivalOrder(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        List<Async<Integer>> receivers = List.of(
                Async.blockedReceive(Flavour.VIRTUAL, ch),
                Async.blocked(Flavour.PLATFORM, () -> ch.receive(Duration.ofMinutes(1))),
                Async.blocked(Flavour.VIRTUAL, () -> ch.receiveCatching().value()),
                Async.blockedReceive(Flavour.PLATFORM, ch));
        for (int i = 0; i < receivers.size(); i++) {
            ch.send(i);
        }
        List<Integer> got = new ArrayList<>();
        receivers.forEach(r -> got.add(r.get()));
        assertEquals(range(0, receivers.size()), got);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void blockedSendersAreServedInArrivalOrder(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        List<Async<?>> senders = List.of(
                Async.blockedSend(Flavour.VIRTUAL, ch, -1),
                Async.blocked(Flavour.PLATFORM, () -> ch.send(-2, Duration.ofMinutes(1))),
                Async.blockedSend(Flavour.PLATFORM, ch, -3),
                Async.blockedSend(Flavour.VIRTUAL, ch, -4));
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < n + senders.size(); i++) {
            got.add(ch.receive());
        }
        senders.forEach(Async::get);
        List<Integer> expected = new ArrayList<>(range(0, n));
        expected.addAll(List.of(-1, -2, -3, -4));
        assertEquals(expected, got);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aTryReceiveDoesNotOvertakeAWaitingReceiver(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        Async<Integer> waiting = Async.blockedReceive(Flavour.VIRTUAL, ch);
        assertEquals(SendResult.SENT, ch.trySend(1), "a try-send finds the waiting receiver");
        assertEquals(ReceiveResult.empty(), ch.tryReceive(), "the element belongs to the waiting receiver");
        assertEquals(1, waiting.get());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void aTrySendDoesNotOvertakeAWaitingSender(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        Async<Void> waiting = Async.blockedSend(Flavour.VIRTUAL, ch, -1);
        assertEquals(n > 0 ? 0 : -1, ch.receive());
        assertEquals(SendResult.FULL, ch.trySend(-2), "the freed room belongs to the waiting sender");
        waiting.get();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rest.add(ch.receive());
        }
        List<Integer> expected = new ArrayList<>(range(1, n));
        if (n > 0) {
            expected.add(-1);
        }
        assertEquals(expected, rest);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aReceiverThatTimedOutIsSkipped(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        Async<Integer> impatient = Async.blocked(() -> ch.receive(IMPATIENCE));
        assertNull(impatient.get(), "timed out");
        Async<Integer> patient = Async.blockedReceive(Flavour.PLATFORM, ch);
        ch.send(1);
        assertEquals(1, patient.get());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void aSenderThatTimedOutIsSkipped(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        Async<Boolean> impatient = Async.blocked(() -> ch.send(-1, IMPATIENCE));
        assertTrue(!impatient.get(), "timed out");
        Async<Void> patient = Async.blockedSend(Flavour.PLATFORM, ch, -2);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            got.add(ch.receive());
        }
        patient.get();
        List<Integer> expected = new ArrayList<>(range(0, n));
        expected.add(-2);
        assertEquals(expected, got);
    }
}
