package io.github.csp4j.channels;

import static io.github.csp4j.channels.Support.drain;
import static io.github.csp4j.channels.Support.fill;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The basic contract of every channel kind and capacity (rendezvous, buffered 1/2/16/1024/large,
 * unbounded, conflated, both dropping policies; with and without single-producer/consumer hints
 * where the test has one producer and one consumer):
 * <ul>
 *   <li>introspection: {@code kind()}, {@code capacity()}, {@code size()}, the closed flags, the
 *       directional views and what {@code toString()} shows;</li>
 *   <li>{@code trySend}/{@code tryReceive}: fill to capacity, then FULL (or SENT with a drop);
 *       EMPTY on an empty channel;</li>
 *   <li>blocking {@code send}/{@code receive} wait for a partner or for room, and with a timeout
 *       give up after at least that long without sending or taking anything;</li>
 *   <li>FIFO from one producer to one consumer, iteration and streams to the end of the channel,
 *       streams that stop early leave the rest in the channel;</li>
 *   <li>bad input (null element, null or negative timeout, null cause, bad builder settings) is
 *       rejected and leaves the channel usable.</li>
 * </ul>
 */
@Timeout(30)
class ChannelBasicsTest {
    private static final Duration SHORT = Duration.ofMillis(30);
    private static final Duration LONG = Duration.ofMinutes(1);

    // ---- introspection --------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void introspectionOfANewChannel(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        assertEquals(spec.kind(), ch.kind());
        assertEquals(spec.capacity(), ch.capacity());
        assertEquals(0, ch.size());
        assertFalse(ch.isClosedForSend());
        assertFalse(ch.isClosedForReceive());
        assertSame(ch, ch.sendEnd());
        assertSame(ch, ch.receiveEnd());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void toStringShowsKindSizeWaitersAndState(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        assertShows(ch, spec.kind().name(), "open");
        Async<Integer> receiver = Async.blockedReceive(Async.Flavour.VIRTUAL, ch);
        assertShows(ch, "receivers=1");
        ch.close();
        receiver.failure(ChannelClosedException.class);
        assertShows(ch, "closed");
        ch.cancel();
        assertShows(ch, "cancelled");

        Channel<Integer> withElements = spec.build();
        int n = spec.capacity() == 0 ? 0 : 1;
        fill(withElements, 0, n);
        assertShows(withElements, "size=" + n);
    }

    /**
     * Proves that toString never waits for a thread stuck while holding the channel's lock (it
     * would hang a debugger or a failing test's message): it answers with unknown waiter counts.
     */
    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void toStringDoesNotWaitForALockHolder(ChannelSpec spec) throws Exception {
        Channel<Integer> ch = spec.build();
        ReentrantLock lock = ((AbstractChannel<Integer>) ch).lock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            lock.lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                lock.unlock();
            }
        });
        held.await();
        try {
            // Asked from another thread, so that a toString that waited fails here instead of hanging.
            FutureTask<String> asked = new FutureTask<>(ch::toString);
            Thread.ofVirtual().start(asked);
            String s = asked.get(10, TimeUnit.SECONDS);
            assertTrue(s.startsWith("Channel[" + spec.kind().name()), s);
            if (spec.capacity() != 0) { // a rendezvous channel counts its waiters without the lock
                assertTrue(s.contains("waiting receivers=?, waiting senders=? (lock held)"), s);
            }
        } finally {
            release.countDown();
            holder.join();
        }
        assertShows(ch, "waiting receivers=0, waiting senders=0");
    }

    private static void assertShows(Channel<Integer> ch, String... parts) {
        String s = ch.toString();
        for (String p : parts) {
            assertTrue(s.contains(p), () -> "toString() should show '" + p + "': " + s);
        }
    }

    // ---- non-blocking send and receive ------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void trySendFillsTheBufferThenReportsFullOrDrops(ChannelSpec spec) {
        List<Integer> dropped = new ArrayList<>();
        Channel<Integer> ch = spec.build(dropped::add);
        if (spec.kind() == ChannelKind.UNBOUNDED) {
            fill(ch, 0, 5_000);
            assertEquals(5_000, ch.size());
            assertEquals(range(0, 5_000), drain(ch));
            return;
        }
        fill(ch, 0, spec.capacity());
        assertEquals(spec.capacity(), ch.size());

        SendResult extra = ch.trySend(-1);

        assertEquals(spec.capacity(), ch.size(), "size of a full channel");
        List<Integer> expected = new ArrayList<>(range(0, spec.capacity()));
        switch (spec.overflow()) {
            case BLOCK -> {
                assertEquals(SendResult.FULL, extra);
                assertEquals(List.of(), dropped);
            }
            case DROP_NEWEST -> {
                assertEquals(SendResult.SENT, extra);
                assertEquals(List.of(-1), dropped);
            }
            case DROP_OLDEST -> {
                assertEquals(SendResult.SENT, extra);
                assertEquals(List.of(0), dropped);
                expected.remove(0);
                expected.add(-1);
            }
        }
        assertEquals(expected, drain(ch));
        assertEquals(0, ch.size());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void tryReceiveOnAnEmptyChannelIsEmpty(ChannelSpec spec) {
        ReceiveResult<Integer> r = spec.build().tryReceive();
        assertTrue(r.isEmpty());
        assertFalse(r.isValue());
        assertFalse(r.isClosed());
        assertEquals(ReceiveResult.Status.EMPTY, r.status());
        assertNull(r.valueOrNull());
        assertThrows(NoSuchElementException.class, r::value);
    }

    // ---- blocking send and receive -----------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void receiveWaitsForASend(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        Async<Integer> receive = Async.blockedReceive(Async.Flavour.VIRTUAL, ch);
        Async<ReceiveResult<Integer>> receiveCatching = Async.blocked(ch::receiveCatching);
        ch.send(7);
        ch.send(8);
        assertEquals(7, receive.get());
        assertEquals(ReceiveResult.value(8), receiveCatching.get());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void sendWaitsForRoom(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        fillUp(ch);
        Async<Void> send = Async.blockedSend(Async.Flavour.VIRTUAL, ch, -1);
        Async<Boolean> timedSend = Async.blocked(() -> ch.send(-2, LONG));
        assertFalse(send.isDone());

        List<Integer> received = new ArrayList<>();
        for (int i = 0; i < spec.capacity() + 2; i++) {
            received.add(ch.receive());
        }

        send.get();
        assertTrue(timedSend.get());
        List<Integer> expected = new ArrayList<>(range(0, spec.capacity()));
        expected.addAll(List.of(-1, -2));
        assertEquals(expected, received);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#waitingSend")
    void sendWithTimeoutOnAFullChannelGivesUpAndSendsNothing(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        fillUp(ch);
        long t0 = System.nanoTime();
        assertFalse(ch.send(-1, SHORT));
        assertTrue(System.nanoTime() - t0 >= SHORT.toNanos(), "gave up before the timeout");
        assertFalse(ch.send(-2, Duration.ZERO));
        assertEquals(spec.capacity(), ch.size());
        assertEquals(range(0, spec.capacity()), drain(ch));
        // the abandoned senders are gone: there is room again and nothing of theirs arrives
        if (spec.capacity() > 0) {
            assertEquals(SendResult.SENT, ch.trySend(5));
        }
        assertEquals(spec.capacity() > 0 ? List.of(5) : List.of(), drain(ch));
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void receiveWithTimeoutOnAnEmptyChannelGivesUpAndTakesNothing(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        long t0 = System.nanoTime();
        assertNull(ch.receive(SHORT));
        assertTrue(System.nanoTime() - t0 >= SHORT.toNanos(), "gave up before the timeout");
        assertNull(ch.receive(Duration.ZERO));
        // the abandoned receivers are gone: a try-send is not swallowed by them
        if (spec.capacity() == 0) {
            assertEquals(SendResult.FULL, ch.trySend(5));
        } else {
            assertEquals(SendResult.SENT, ch.trySend(5));
            assertEquals(List.of(5), drain(ch));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void timedOperationsSucceedWhenAPartnerOrRoomIsThere(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        if (spec.capacity() == 0) {
            Async<Integer> receiver = Async.blockedReceive(Async.Flavour.VIRTUAL, ch);
            assertTrue(ch.send(1, Duration.ZERO));
            assertEquals(1, receiver.get());
            Async<Void> sender = Async.blockedSend(Async.Flavour.VIRTUAL, ch, 2);
            assertEquals(2, ch.receive(Duration.ZERO));
            sender.get();
        } else {
            assertTrue(ch.send(1, Duration.ZERO));
            assertEquals(1, ch.receive(Duration.ZERO));
            assertTrue(ch.send(2, LONG));
            assertEquals(2, ch.receive(LONG));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aHugeTimeoutWaitsLikeNoTimeout(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        Async<Integer> receiver = Async.blocked(() -> ch.receive(Duration.ofSeconds(Long.MAX_VALUE)));
        ch.send(3);
        assertEquals(3, receiver.get());
    }

    // ---- order, iteration, streams ----------------------------------------------------------------

    /**
     * One producer sends 0..n-1 with {@code send} and closes; one consumer iterates. Nothing is
     * lost, duplicated or reordered; on dropping kinds what is not received went to the callback.
     */
    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void oneProducerToOneConsumerIsFifo(ChannelSpec spec) {
        int n = 2_000;
        List<Integer> dropped = Support.syncList();
        Channel<Integer> ch = spec.build(dropped::add);
        Async<Void> producer = Async.virtual(() -> {
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            ch.close();
            return null;
        });
        List<Integer> received = new ArrayList<>();
        for (int v : ch) {
            received.add(v);
        }
        producer.get();
        if (!spec.drops()) {
            assertEquals(range(0, n), received);
            assertEquals(List.of(), dropped);
        } else {
            assertTrue(Support.strictlyIncreasing(received), () -> "out of order: " + received);
            assertTrue(Support.strictlyIncreasing(dropped), () -> "dropped out of order: " + dropped);
            List<Integer> all = new ArrayList<>(received);
            all.addAll(dropped);
            Collections.sort(all);
            assertEquals(range(0, n), all, "received + dropped");
        }
    }

    /** Elements a producer thread sends and then closes: as many as fit without dropping. */
    private static int elementsWithoutDrops(ChannelSpec spec) {
        return spec.drops() ? spec.capacity() : 50;
    }

    private static Async<Void> produceAndClose(Channel<Integer> ch, int n) {
        return Async.virtual(() -> {
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            ch.close();
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void iterationReadsToTheEnd(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        int n = elementsWithoutDrops(spec);
        Async<Void> producer = produceAndClose(ch, n);
        List<Integer> received = new ArrayList<>();
        Iterator<Integer> it = ch.iterator();
        while (it.hasNext()) {
            received.add(it.next());
        }
        producer.get();
        assertEquals(range(0, n), received);
        assertFalse(it.hasNext(), "an ended iterator stays ended");
        assertThrows(NoSuchElementException.class, it::next);
        assertTrue(ch.isClosedForReceive());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void streamReadsToTheEnd(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        int n = elementsWithoutDrops(spec);
        Async<Void> producer = produceAndClose(ch, n);
        assertEquals(range(0, n), ch.stream().toList());
        producer.get();
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aStreamThatStopsEarlyLeavesTheRestInTheChannel(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        int n = Math.min(4, elementsWithoutDrops(spec));
        Async<Void> producer = Async.virtual(() -> {
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            return null;
        });
        int taken = n / 2;
        assertEquals(range(0, taken), ch.stream().limit(taken).toList());
        for (int i = taken; i < n; i++) {
            assertEquals(i, ch.receive());
        }
        producer.get();
    }

    // ---- bad input --------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aNullElementIsRejectedAndTheChannelStaysUsable(ChannelSpec spec) throws InterruptedException {
        List<Integer> dropped = new ArrayList<>();
        Channel<Integer> ch = spec.build(dropped::add);
        int n = fillUp(ch); // a dropping channel would drop now: the null must be rejected before that
        assertThrows(NullPointerException.class, () -> ch.trySend(null));
        assertThrows(NullPointerException.class, () -> ch.send(null));
        assertThrows(NullPointerException.class, () -> ch.send(null, SHORT));
        assertEquals(List.of(), dropped);
        assertEquals(n, ch.size());
        assertEquals(range(0, n), drain(ch));
        assertEquals(spec.capacity() == 0 ? SendResult.FULL : SendResult.SENT, ch.trySend(1));
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void badTimeoutsAreRejectedAndNothingIsSentOrTaken(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        assertThrows(NullPointerException.class, () -> ch.send(1, null));
        assertThrows(IllegalArgumentException.class, () -> ch.send(1, Duration.ofMillis(-1)));
        assertEquals(0, ch.size());
        if (spec.capacity() > 0) {
            fill(ch, 5, 1);
        }
        assertThrows(NullPointerException.class, () -> ch.receive(null));
        assertThrows(IllegalArgumentException.class, () -> ch.receive(Duration.ofMillis(-1)));
        assertEquals(spec.capacity() > 0 ? List.of(5) : List.of(), drain(ch));
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#all")
    void aNullCloseCauseIsRejectedAndTheChannelStaysOpen(ChannelSpec spec) {
        Channel<Integer> ch = spec.build();
        assertThrows(NullPointerException.class, () -> ch.close(null));
        assertFalse(ch.isClosedForSend());
        assertTrue(ch.close());
    }

    @Test
    void badBuilderSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Channel.buffered(-1));
        assertThrows(IllegalArgumentException.class, () -> Channel.builder().capacity(-1));
        for (OverflowPolicy p : List.of(OverflowPolicy.DROP_OLDEST, OverflowPolicy.DROP_NEWEST)) {
            assertThrows(IllegalArgumentException.class, () -> Channel.dropping(0, p), p::name);
            assertThrows(IllegalArgumentException.class,
                    () -> Channel.builder().unbounded().onOverflow(p).build(), p::name);
            assertThrows(IllegalArgumentException.class,
                    () -> Channel.builder().onOverflow(p).build(), p::name);
        }
        assertThrows(IllegalArgumentException.class, () -> Channel.builder().conflated().unbounded().build());
        assertThrows(NullPointerException.class, () -> Channel.builder().onOverflow(null));
        assertThrows(NullPointerException.class, () -> Channel.builder().onUndeliveredElement(null));
    }

    @Test
    void builderDefaultsAndEquivalentForms() {
        assertEquals(ChannelKind.RENDEZVOUS, Channel.builder().build().kind());
        assertEquals(ChannelKind.RENDEZVOUS, Channel.buffered(0).kind());
        assertEquals(ChannelKind.BUFFERED, Channel.dropping(3, OverflowPolicy.BLOCK).kind());
        assertEquals(ChannelKind.CONFLATED, Channel.dropping(1, OverflowPolicy.DROP_OLDEST).kind());
        assertEquals(1, Channel.conflated().capacity());
        assertEquals(Integer.MAX_VALUE, Channel.unbounded().capacity());
        assertEquals(5, Channel.builder().unbounded().capacity(5).build().capacity(), "the last setting wins");
        assertEquals(ChannelKind.UNBOUNDED, Channel.builder().capacity(5).unbounded().build().kind());
    }
}
