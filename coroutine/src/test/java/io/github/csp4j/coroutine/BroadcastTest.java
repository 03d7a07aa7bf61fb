package io.github.csp4j.coroutine;

import static io.github.csp4j.coroutine.PipeFixtures.range;
import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.OverflowPolicy;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.coroutine.PipeFixtures.Ledger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Broadcast}: every subscriber gets every element. */
@Timeout(30)
class BroadcastTest {

    private static List<Integer> upTo(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }

    @Test
    void everySubscriberGetsEveryElementInOrder() throws Exception {
        Channel<Integer> source = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            Broadcast<Integer> b = Broadcast.start(scope, source);
            List<Coroutine<List<Integer>>> readers = new ArrayList<>();
            for (int cap : new int[] {0, 1, 64}) {
                ReceiveChannel<Integer> sub = b.subscribe(cap, OverflowPolicy.BLOCK);
                readers.add(scope.spawn(() -> Pipelines.toList(sub)));
            }
            assertEquals(3, b.subscriberCount());
            for (int i = 0; i < 1000; i++) {
                source.send(i);
            }
            source.close();
            for (Coroutine<List<Integer>> r : readers) {
                assertEquals(upTo(0, 1000), r.result());
            }
            assertTrue(b.isEnded());
        });
    }

    @Test
    void aLateSubscriberGetsEverythingTakenAfterItSubscribed() throws Exception {
        Channel<Integer> source = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> early = b.subscribe(100, OverflowPolicy.BLOCK);
            for (int i = 0; i < 10; i++) {
                source.send(i); // returns once the broadcast took it
            }
            ReceiveChannel<Integer> late = b.subscribe(100, OverflowPolicy.BLOCK);
            for (int i = 10; i < 20; i++) {
                source.send(i);
            }
            source.close();
            assertEquals(upTo(0, 20), Pipelines.toList(early));
            List<Integer> got = Pipelines.toList(late);
            // every element taken after subscribe returned, and at most the one in delivery before
            assertTrue(got.equals(upTo(10, 20)) || got.equals(upTo(9, 20)), "late subscriber got " + got);
        });
    }

    @Test
    void withNobodySubscribedNothingIsTaken() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ThreadFactory recording = r -> {
            Thread t = Thread.ofVirtual().unstarted(r);
            threads.add(t);
            return t;
        };
        Channel<Integer> source = Channel.buffered(4);
        for (int i = 0; i < 4; i++) {
            source.send(i);
        }
        source.close();
        try (CoroutineScope scope = CoroutineScope.builder().threadFactory(recording).open()) {
            Broadcast<Integer> b = Broadcast.start(scope, source);
            TestSupport.awaitBlockedIn(threads.get(0), "awaitSubscriber");
            assertEquals(4, source.size(), "the broadcast took elements nobody could get");
            assertEquals(upTo(0, 4), Pipelines.toList(b.subscribe(0, OverflowPolicy.BLOCK)));
        }
    }

    @Test
    void aDroppingSubscriberNeverSlowsTheOthersAndItsDropsAreHandedOver() throws Exception {
        Ledger slowSeen = new Ledger();
        PipeFixtures.inScope(scope -> {
            Channel<Integer> source = Channel.rendezvous();
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> fast = b.subscribe(0, OverflowPolicy.BLOCK);
            ReceiveChannel<Integer> slow = b.subscribe(2, OverflowPolicy.DROP_OLDEST, slowSeen::add);
            Coroutine<List<Integer>> fastReader = scope.spawn(() -> Pipelines.toList(fast));
            for (int i = 0; i < 1000; i++) {
                source.send(i);
            }
            source.close();
            assertEquals(upTo(0, 1000), fastReader.result()); // the slow one did not read meanwhile
            List<Integer> kept = Pipelines.toList(slow);
            assertEquals(List.of(998, 999), kept);
            slowSeen.addAll(kept);
            slowSeen.assertExactlyOnce(1000);
        });
    }

    @Test
    void aWaitedForSubscriberHoldsTheBroadcastAndTheSourceBack() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Thread> producer = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = scope.produce(4, out -> {
                producer.set(Thread.currentThread());
                for (int i = 0; ; i++) {
                    out.send(i);
                    sent.incrementAndGet();
                }
            });
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> sub = b.subscribe(1, OverflowPolicy.BLOCK);
            PipeFixtures.eventually("the producer started", () -> producer.get() != null);
            PipeFixtures.eventually("6 were sent", () -> sent.get() >= 6);
            TestSupport.awaitBlockedIn(producer.get(), "send");
            // 1 in the subscriber's buffer, 1 held by the broadcast, 4 in the source
            assertEquals(6, sent.get());
            assertEquals(0, sub.receive());
            PipeFixtures.eventually("one more was sent", () -> sent.get() == 7);
            TestSupport.awaitBlockedIn(producer.get(), "send");
            assertEquals(7, sent.get());
            b.cancel();
        });
    }

    @Test
    void unsubscribingReleasesABroadcastWaitingForThatSubscriber() throws Exception {
        PipeFixtures.inScope(scope -> {
            Channel<Integer> source = Channel.rendezvous();
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> stuck = b.subscribe(0, OverflowPolicy.BLOCK); // never reads
            ReceiveChannel<Integer> reader = b.subscribe(0, OverflowPolicy.BLOCK);
            scope.spawn(() -> { // subscribed before anything is sent: both are waited for
                for (int i = 0; i < 100; i++) {
                    source.send(i);
                }
                source.close();
                return null;
            });
            assertEquals(0, reader.receive()); // then the broadcast waits for `stuck` to take 0
            assertTrue(stuck.cancel());
            assertFalse(stuck.cancel());
            assertEquals(upTo(1, 100), Pipelines.toList(reader));
            assertEquals(0, b.subscriberCount());
        });
    }

    @Test
    void theSourcesEndClosesEverySubscriberAndLateOnesToo() throws Exception {
        IOException boom = new IOException("source failed");
        Channel<Integer> source = Channel.buffered(2);
        PipeFixtures.inScope(scope -> {
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> sub = b.subscribe(4, OverflowPolicy.DROP_NEWEST);
            source.send(1);
            source.close(boom);
            assertEquals(1, sub.receive());
            assertSame(boom, assertThrows(ChannelClosedException.class, sub::receive).getCause());
            PipeFixtures.eventually("ended", b::isEnded);
            ReceiveResult<Integer> late = b.subscribe(0, OverflowPolicy.BLOCK).receiveCatching();
            assertTrue(late.isClosed());
            assertSame(boom, late.closeCause());
        });
    }

    @Test
    void cancelStopsTheSourceAndClosesTheSubscribers() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<ReceiveChannel<Integer>> sourceRef = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = PipeFixtures.endless(scope, sent);
            sourceRef.set(source);
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> sub = b.subscribe(8, OverflowPolicy.BLOCK);
            assertEquals(0, sub.receive());
            assertTrue(b.cancel());
            assertFalse(b.cancel());
            ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> {
                while (true) {
                    sub.receive(); // drains what it had, then closed
                }
            });
            assertInstanceOf(CancellationException.class, e.getCause());
        }); // closes: the generator was stopped
        assertTrue(sourceRef.get().isClosedForReceive());
    }

    @Test
    void cancellingTheScopeEndsTheBroadcast() throws Exception {
        Channel<Integer> source = Channel.rendezvous();
        AtomicReference<ReceiveChannel<Integer>> sub = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            Broadcast<Integer> b = Broadcast.start(scope, source);
            sub.set(b.subscribe(0, OverflowPolicy.BLOCK));
            scope.cancel();
        });
        assertInstanceOf(CancellationException.class,
                assertThrows(ChannelClosedException.class, sub.get()::receive).getCause());
        assertTrue(source.isClosedForSend(), "the source was cancelled");
    }

    @Test
    void subscribersComingAndGoingEachSeeAnUnbrokenRun() throws Exception {
        int n = 20_000;
        Channel<Integer> source = Channel.buffered(16);
        PipeFixtures.inScope(scope -> {
            Broadcast<Integer> b = Broadcast.start(scope, source);
            ReceiveChannel<Integer> everything = b.subscribe(4, OverflowPolicy.BLOCK);
            Coroutine<List<Integer>> all = scope.spawn(() -> Pipelines.toList(everything));
            AtomicInteger runs = new AtomicInteger();
            for (int c = 0; c < 4; c++) {
                scope.spawn(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (true) {
                        ReceiveChannel<Integer> sub = b.subscribe(rnd.nextInt(4), OverflowPolicy.BLOCK);
                        int want = 1 + rnd.nextInt(50);
                        int prev = -1;
                        for (int k = 0; k < want; k++) {
                            ReceiveResult<Integer> r = sub.receiveCatching();
                            if (r.isClosed()) {
                                return null;
                            }
                            int x = r.value();
                            assertTrue(prev < 0 || x == prev + 1, "gap or duplicate: " + prev + " then " + x);
                            prev = x;
                        }
                        runs.incrementAndGet();
                        sub.cancel();
                    }
                });
            }
            for (int i = 0; i < n; i++) {
                source.send(i);
            }
            source.close();
            assertEquals(upTo(0, n), all.result());
            assertTrue(runs.get() > 0);
        });
    }

    @Test
    void badArguments() throws Exception {
        PipeFixtures.inScope(scope -> {
            Channel<Integer> source = Channel.rendezvous();
            Broadcast<Integer> b = Broadcast.start(scope, source);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.subscribe(0, OverflowPolicy.DROP_OLDEST));
            assertTrue(e.getMessage().contains("capacity must be >= 1 for DROP_OLDEST"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.subscribe(-1, OverflowPolicy.BLOCK));
            assertThrows(NullPointerException.class, () -> b.subscribe(1, null));
            assertThrows(NullPointerException.class, () -> Broadcast.start(scope, null));
            b.cancel();
        });
    }
}
