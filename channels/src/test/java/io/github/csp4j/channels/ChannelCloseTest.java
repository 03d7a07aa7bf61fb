package io.github.csp4j.channels;

import static io.github.csp4j.channels.Support.drain;
import static io.github.csp4j.channels.Support.fillUp;
import static io.github.csp4j.channels.Support.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Close and cancel, for every kind and capacity:
 * <ul>
 *   <li>{@code close()}/{@code close(cause)}/{@code cancel()} are idempotent: only the call that
 *       closed (cancelled) returns true, and the first cause stays;</li>
 *   <li>after close, new sends fail (exception with the cause, CLOSED, nothing reaches the
 *       callback) while buffered elements and senders that were already waiting are still
 *       delivered; receivers drain, then see "closed" in every form (exception with the cause,
 *       closed result, end of iteration, or an exception from iteration when there is a cause);</li>
 *   <li>receivers waiting at close see "closed";</li>
 *   <li>cancel discards buffered elements to the callback in order, fails waiting senders with a
 *       cancelled exception (they keep their element: no callback), wakes waiting receivers, and
 *       still delivers every discarded element to the callback when the callback throws.</li>
 * </ul>
 */
@Timeout(30)
class ChannelCloseTest {
    private static final RuntimeException CAUSE = new RuntimeException("upstream failed");

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void closeAndCancelAreIdempotent(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        assertTrue(ch.close(CAUSE));
        assertFalse(ch.close());
        assertFalse(ch.close(new RuntimeException("second")));
        assertTrue(ch.cancel(), "the first cancel of a closed channel cancels it");
        assertFalse(ch.cancel());
        assertFalse(ch.close());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::receive);
        assertSame(CAUSE, e.getCause(), "the first cause stays");
        assertTrue(e.isCancelled());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void sendsAfterCloseFailWithTheCauseAndSendNothing(ChannelSpec spec) {
        List<Integer> dropped = new ArrayList<>();
        Channel<Integer> ch = spec.build(dropped::add);
        int n = fillUp(ch);
        ch.close(CAUSE);
        assertTrue(ch.isClosedForSend());

        assertSame(CAUSE, assertThrows(ChannelClosedException.class, () -> ch.send(-1)).getCause());
        ChannelClosedException timed = assertThrows(ChannelClosedException.class, () -> ch.send(-2, Duration.ZERO));
        assertSame(CAUSE, timed.getCause());
        assertFalse(timed.isCancelled());
        assertEquals(SendResult.CLOSED, ch.trySend(-3));

        assertEquals(List.of(), dropped, "a rejected send is not an undelivered element");
        assertEquals(range(0, n), drain(ch));
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void receiversDrainThenSeeClosedInEveryForm(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        ch.close();
        assertEquals(n > 0, !ch.isClosedForReceive(), "buffered elements keep it open for receive");
        assertEquals(n, ch.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, ch.receive());
        }
        assertTrue(ch.isClosedForReceive());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::receive);
        assertNull(e.getCause());
        assertFalse(e.isCancelled());
        assertThrows(ChannelClosedException.class, () -> ch.receive(Duration.ofMinutes(1)));
        assertEquals(ReceiveResult.closed(null), ch.receiveCatching());
        assertEquals(ReceiveResult.closed(null), ch.tryReceive());
        assertFalse(ch.iterator().hasNext());
        assertEquals(List.of(), ch.stream().toList());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aCloseCauseReachesEveryReceiveForm(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = Math.min(1, fillUp(ch));
        drain(ch);
        if (n > 0) {
            ch.trySend(42);
        }
        ch.close(CAUSE);

        Iterator<Integer> it = ch.iterator();
        if (n > 0) {
            assertEquals(42, it.next());
        }
        assertSame(CAUSE, assertThrows(ChannelClosedException.class, it::hasNext).getCause(),
                "iteration must not end quietly when the channel failed");
        assertSame(CAUSE, assertThrows(ChannelClosedException.class, ch::receive).getCause());
        assertSame(CAUSE, assertThrows(ChannelClosedException.class, () -> ch.receive(Duration.ZERO)).getCause());
        assertSame(CAUSE, ch.receiveCatching().closeCause());
        assertSame(CAUSE, ch.tryReceive().closeCause());
        assertSame(CAUSE, assertThrows(ChannelClosedException.class, () -> ch.stream().toList()).getCause());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void sendersWaitingAtCloseAreStillDelivered(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        Async<Void> s1 = Async.blockedSend(Async.Flavour.VIRTUAL, ch, -1);
        Async<Boolean> s2 = Async.blocked(() -> ch.send(-2, Duration.ofMinutes(1)));

        ch.close();
        assertTrue(ch.isClosedForSend());
        assertFalse(ch.isClosedForReceive(), "senders still wait");
        assertEquals(SendResult.CLOSED, ch.trySend(-3));

        List<Integer> received = new ArrayList<>();
        for (ReceiveResult<Integer> r; (r = ch.receiveCatching()).isValue(); ) {
            received.add(r.value());
        }
        List<Integer> expected = new ArrayList<>(range(0, n));
        expected.addAll(List.of(-1, -2));
        assertEquals(expected, received);
        s1.get();
        assertTrue(s2.get());
        assertTrue(ch.isClosedForReceive());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void receiversWaitingAtCloseSeeClosed(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        Async<Integer> receive = Async.blockedReceive(Async.Flavour.VIRTUAL, ch);
        Async<ReceiveResult<Integer>> catching = Async.blocked(Async.Flavour.PLATFORM, ch::receiveCatching);
        Async<Integer> timed = Async.blocked(() -> ch.receive(Duration.ofMinutes(1)));
        Async<List<Integer>> iterating = Async.blocked(() -> ch.stream().toList());

        ch.close();

        assertNull(receive.failure(ChannelClosedException.class).getCause());
        assertEquals(ReceiveResult.closed(null), catching.get());
        timed.failure(ChannelClosedException.class);
        assertEquals(List.of(), iterating.get());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void receiversWaitingAtCloseWithACauseGetTheCause(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        Async<Integer> receive = Async.blockedReceive(Async.Flavour.VIRTUAL, ch);
        Async<List<Integer>> iterating = Async.blocked(() -> ch.stream().toList());
        ch.close(CAUSE);
        assertSame(CAUSE, receive.failure(ChannelClosedException.class).getCause());
        assertSame(CAUSE, iterating.failure(ChannelClosedException.class).getCause());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void cancelDiscardsBufferedElementsToTheCallbackInOrder(ChannelSpec spec) {
        List<Integer> undelivered = Support.syncList();
        Channel<Integer> ch = spec.build(undelivered::add);
        int n = fillUp(ch);
        assertTrue(ch.cancel());

        assertEquals(range(0, n), undelivered);
        assertEquals(0, ch.size());
        assertTrue(ch.isClosedForSend());
        assertTrue(ch.isClosedForReceive());
        assertTrue(assertThrows(ChannelClosedException.class, ch::receive).isCancelled());
        assertTrue(assertThrows(ChannelClosedException.class, () -> ch.send(1)).isCancelled());
        assertEquals(SendResult.CLOSED, ch.trySend(1));
        assertTrue(ch.tryReceive().isClosed());
        assertEquals(range(0, n), undelivered, "nothing else reaches the callback");
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void cancelAfterCloseDiscardsWhatCloseKept(ChannelSpec spec) {
        List<Integer> undelivered = Support.syncList();
        Channel<Integer> ch = spec.build(undelivered::add);
        int n = fillUp(ch);
        ch.close();
        assertTrue(ch.cancel());
        assertEquals(range(0, n), undelivered);
        assertTrue(ch.tryReceive().isClosed());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void cancelFailsWaitingSendersWhoKeepTheirElements(ChannelSpec spec) {
        List<Integer> undelivered = Support.syncList();
        Channel<Integer> ch = spec.build(undelivered::add);
        int n = fillUp(ch);
        Async<Void> s1 = Async.blockedSend(Async.Flavour.VIRTUAL, ch, -1);
        Async<Boolean> s2 = Async.blocked(Async.Flavour.PLATFORM, () -> ch.send(-2, Duration.ofMinutes(1)));

        assertTrue(ch.cancel());

        assertTrue(s1.failure(ChannelClosedException.class).isCancelled());
        assertTrue(s2.failure(ChannelClosedException.class).isCancelled());
        assertEquals(range(0, n), undelivered, "only buffered elements reach the callback");
        assertTrue(ch.tryReceive().isClosed());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void cancelWakesWaitingReceivers(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        Async<Integer> receive = Async.blockedReceive(Async.Flavour.PLATFORM, ch);
        Async<ReceiveResult<Integer>> catching = Async.blocked(ch::receiveCatching);
        assertTrue(ch.cancel());
        assertTrue(receive.failure(ChannelClosedException.class).isCancelled());
        assertTrue(catching.get().isClosed());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#buffering")
    void aThrowingCallbackStillGetsEveryDiscardedElement(ChannelSpec spec) {
        List<Integer> undelivered = Support.syncList();
        Channel<Integer> ch = spec.build(e -> {
            undelivered.add(e);
            throw new IllegalStateException("callback failed on " + e);
        });
        int n = Math.min(3, fillUp(ch));
        drain(ch);
        Support.fill(ch, 0, n);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, ch::cancel);

        assertEquals("callback failed on 0", thrown.getMessage());
        assertEquals(n - 1, thrown.getSuppressed().length);
        assertEquals(range(0, n), undelivered);
        assertTrue(ch.isClosedForReceive());
        assertFalse(ch.cancel(), "the channel is cancelled despite the failure");
    }
}
