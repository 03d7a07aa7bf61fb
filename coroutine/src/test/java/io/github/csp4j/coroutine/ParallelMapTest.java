package io.github.csp4j.coroutine;

import static io.github.csp4j.coroutine.PipeFixtures.range;
import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.PipeFixtures.Ledger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Pipelines#parallelMap} (ordered) and {@link Pipelines#parallelMapUnordered}. */
@Timeout(30)
class ParallelMapTest {

    static ReceiveChannel<Integer> map(boolean ordered, Spawner scope, ReceiveChannel<Integer> in, int workers,
            int capacity, Mapper<Integer, Integer> f) {
        return ordered ? Pipelines.parallelMap(scope, in, workers, capacity, f)
                : Pipelines.parallelMapUnordered(scope, in, workers, capacity, f);
    }

    /** Simulated work of up to {@code maxMicros}: the completion order then differs from the input order. */
    static void work(int maxMicros) {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(maxMicros) * 1000L);
    }

    @Test
    void orderedKeepsTheInputOrderWhateverTheCompletionOrder() throws Exception {
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> out = Pipelines.parallelMap(scope, range(scope, 0, 400, 8), 8, 4, x -> {
                work(300);
                return x * 10;
            });
            List<Integer> got = Pipelines.toList(out);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                expected.add(i * 10);
            }
            assertEquals(expected, got);
        });
    }

    @Test
    void orderedWithCheapTasksBatchesAndStillKeepsOrder() throws Exception {
        int n = 200_000;
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> out = Pipelines.parallelMap(scope, range(scope, 0, n, 256), 4, 64, x -> x + 1);
            int expected = 1;
            for (List<Integer> batch = out.receiveBatch(100); ; batch = nextBatch(out)) {
                if (batch == null) {
                    break;
                }
                assertTrue(batch.size() >= 1 && batch.size() <= 100, "batch of " + batch.size());
                for (int x : batch) {
                    assertEquals(expected++, x);
                }
            }
            assertEquals(n + 1, expected);
        });
    }

    private static List<Integer> nextBatch(ReceiveChannel<Integer> out) throws InterruptedException {
        try {
            return out.receiveBatch(100);
        } catch (ChannelClosedException end) {
            assertNull(end.getCause());
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void mapsOnAllWorkersAtOnce(boolean ordered) throws Exception {
        int workers = 6;
        CyclicBarrier allBusy = new CyclicBarrier(workers);
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> out = map(ordered, scope, range(scope, 0, workers, workers), workers, 0, x -> {
                allBusy.await(10, TimeUnit.SECONDS); // passes only if `workers` elements are mapped at once
                return x;
            });
            Ledger ledger = new Ledger();
            ledger.addAll(Pipelines.toList(out));
            ledger.assertExactlyOnce(workers);
        });
    }

    @Test
    void orderedFailureDeliversEveryResultBeforeItThenTheFailure() throws Exception {
        IOException boom = new IOException("element 500");
        AtomicInteger sent = new AtomicInteger();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = PipeFixtures.endless(scope, sent);
            ReceiveChannel<Integer> out = Pipelines.parallelMap(scope, source, 8, 2, x -> {
                if (x == 500) {
                    throw boom;
                }
                if (x % 7 == 0) {
                    work(100);
                }
                return -x;
            });
            for (int i = 0; i < 500; i++) {
                assertEquals(-i, out.receive(), "as a sequential map would");
            }
            ChannelClosedException e = assertThrows(ChannelClosedException.class, out::receive);
            assertSame(boom, e.getCause());
            assertTrue(source.isClosedForReceive(), "the input was cancelled");
        }); // the scope does not fail and closes: the generator was stopped
    }

    @Test
    void orderedReadsExactlyAsASequentialMapWouldUnderRandomSizesAndFailures() throws Exception {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int round = 0; round < 40; round++) {
            int n = rnd.nextInt(3000);
            int workers = 1 + rnd.nextInt(8);
            int capacity = rnd.nextInt(5);
            int failAt = rnd.nextInt(n + 200); // n or more: no failure
            IllegalStateException boom = new IllegalStateException("at " + failAt);
            String setting = "n=" + n + " workers=" + workers + " capacity=" + capacity + " failAt=" + failAt;
            PipeFixtures.inScope(scope -> {
                ReceiveChannel<Integer> out = Pipelines.parallelMap(scope, range(scope, 0, n, 8), workers, capacity, x -> {
                    if (x == failAt) {
                        throw boom;
                    }
                    if ((x & 15) == 0) {
                        Thread.yield();
                    }
                    return 3 * x;
                });
                List<Integer> got = new ArrayList<>();
                Throwable cause = null;
                try {
                    while (true) {
                        got.add(out.receive());
                    }
                } catch (ChannelClosedException end) {
                    cause = end.getCause();
                }
                int expectedSize = Math.min(n, failAt);
                assertEquals(expectedSize, got.size(), setting);
                for (int i = 0; i < expectedSize; i++) {
                    assertEquals(3 * i, got.get(i), setting);
                }
                assertSame(failAt < n ? boom : null, cause, setting);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theInputsCauseArrivesAfterEveryResult(boolean ordered) throws Exception {
        IOException boom = new IOException("upstream");
        Channel<Integer> in = Channel.buffered(100);
        for (int i = 0; i < 100; i++) {
            in.send(i);
        }
        in.close(boom);
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> out = map(ordered, scope, in, 4, 0, x -> {
                work(50);
                return x;
            });
            Ledger ledger = new Ledger();
            List<Integer> got = new ArrayList<>();
            ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> {
                while (true) {
                    got.add(out.receive());
                }
            });
            assertSame(boom, e.getCause());
            ledger.addAll(got);
            ledger.assertExactlyOnce(100);
            if (ordered) {
                assertEquals(got.stream().sorted().toList(), got);
            }
        });
    }

    @Test
    void unorderedFailureClosesTheOutputAtOnceAndCancelsTheOthers() throws Exception {
        IllegalStateException boom = new IllegalStateException("first");
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        PipeFixtures.inScope(scope -> {
            Channel<Integer> in = Channel.buffered(16);
            for (int i = 1; i <= 4; i++) {
                in.send(i); // four workers block on these
            }
            ReceiveChannel<Integer> out = Pipelines.parallelMapUnordered(scope, in, 5, 0, x -> {
                if (x == 0) {
                    throw boom;
                }
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
                return x;
            });
            PipeFixtures.eventually("four mappers are blocked", () -> in.size() == 0);
            in.send(0);
            ChannelClosedException e = assertThrows(ChannelClosedException.class, out::receive);
            assertSame(boom, e.getCause());
        });
        assertEquals(4, interrupted.get(), "the other workers were cancelled");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void cancellingTheOutputStopsTheWorkersAndTheSource(boolean ordered) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<ReceiveChannel<Integer>> sourceRef = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = PipeFixtures.endless(scope, sent);
            sourceRef.set(source);
            ReceiveChannel<Integer> out = map(ordered, scope, source, 4, 2, x -> x);
            for (int i = 0; i < 100; i++) {
                out.receive();
            }
            out.cancel();
            assertThrows(ChannelClosedException.class, out::receive);
        }); // the scope closes: every worker and the generator stopped
        assertTrue(sourceRef.get().isClosedForReceive());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void nothingIsLostWhenTheOutputIsCancelled(boolean ordered) throws Exception {
        for (int r0 = 0; r0 < 30; r0++) {
            int round = r0;
            int n = 5000;
            Ledger ledger = new Ledger();
            Channel<Integer> in = PipeFixtures.ledgerChannel(32, ledger);
            int take = round * 131;
            PipeFixtures.inScope(scope -> {
                scope.spawn(() -> {
                    int i = 0;
                    try {
                        for (; i < n; i++) {
                            in.send(i);
                        }
                        in.close();
                    } catch (ChannelClosedException cancelled) {
                        for (; i < n; i++) {
                            ledger.add(i); // handed back, or never sent
                        }
                    }
                    return null;
                });
                Mapper<Integer, Integer> identity = x -> x;
                ReceiveChannel<Integer> out = ordered
                        ? Pipelines.parallelMap(scope, in, 4, round % 4, identity, ledger::add, ledger::add)
                        : Pipelines.parallelMapUnordered(scope, in, 4, round % 4, identity, ledger::add, ledger::add);
                for (int i = 0; i < take; i++) {
                    int x = out.receive();
                    if (ordered) {
                        assertEquals(i, x);
                    }
                    ledger.add(x);
                }
                out.cancel();
            });
            ledger.assertExactlyOnce(n);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void cancellingTheScopeClosesTheOutputWithACancellation(boolean ordered) throws Exception {
        Channel<Integer> in = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> out = map(ordered, scope, in, 3, 0, x -> x);
            scope.cancel();
            ChannelClosedException e = assertThrows(ChannelClosedException.class, out::receive);
            assertInstanceOf(CancellationException.class, e.getCause());
        });
        assertTrue(in.isClosedForSend(), "the input was cancelled");
    }

    @Test
    void aNullResultFailsTheStage() throws Exception {
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> out = Pipelines.parallelMap(scope, range(scope, 0, 10, 0), 2, 0, x -> x == 3 ? null : x);
            assertEquals(List.of(0, 1, 2), List.of(out.receive(), out.receive(), out.receive()));
            ChannelClosedException e = assertThrows(ChannelClosedException.class, out::receive);
            assertInstanceOf(NullPointerException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("null"), e.getCause().getMessage());
        });
    }

    @Test
    void onAClosedScopeNothingStarts() throws Exception {
        CoroutineScope scope = CoroutineScope.open();
        scope.close();
        Channel<Integer> in = Channel.rendezvous();
        assertThrows(IllegalStateException.class, () -> Pipelines.parallelMap(scope, in, 2, 0, x -> x));
        assertFalse(in.isClosedForSend());
    }

    @Test
    void badArguments() throws Exception {
        Channel<Integer> in = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Pipelines.parallelMap(scope, in, 0, 0, x -> x));
            assertTrue(e.getMessage().contains("workers must be >= 1, was 0"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> Pipelines.parallelMapUnordered(scope, in, 1, -2, x -> x));
            assertTrue(e.getMessage().contains("capacity"), e.getMessage());
            NullPointerException npe = assertThrows(NullPointerException.class,
                    () -> Pipelines.parallelMap(scope, in, 1, 0, null));
            assertTrue(npe.getMessage().contains("mapper"), npe.getMessage());
        });
    }

    @Test
    void batchesGrowForCheapMappersAndStayAtOneForSlowOnes() {
        AdaptiveBatch cheap = new AdaptiveBatch();
        assertEquals(1, cheap.size());
        cheap.record(1, 100);
        assertEquals(1, cheap.size(), "one cheap element is no evidence yet");
        for (int i = 0; i < 40; i++) {
            cheap.record(cheap.size(), 5L * cheap.size());
        }
        assertEquals(AdaptiveBatch.MAX, cheap.size());
        cheap.record(AdaptiveBatch.MAX, AdaptiveBatch.MAX * AdaptiveBatch.TARGET_NANOS);
        assertTrue(cheap.size() <= 4, "shrinks at once when elements turn slow: " + cheap.size());

        AdaptiveBatch slow = new AdaptiveBatch();
        for (int i = 0; i < 40; i++) {
            slow.record(slow.size(), 2 * AdaptiveBatch.TARGET_NANOS);
            slow.record(slow.size(), 10); // a cheap outlier now and then
        }
        assertEquals(1, slow.size());
    }
}
