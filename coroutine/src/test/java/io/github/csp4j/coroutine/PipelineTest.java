package io.github.csp4j.coroutine;

import static io.github.csp4j.coroutine.PipeFixtures.range;
import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.PipeFixtures.Ledger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole pipelines: stages composed, cancelled at the end, failing in the middle, owned by a scope. */
@Timeout(30)
class PipelineTest {

    @Test
    void stagesComposeAndEveryElementArrivesOnce() throws Exception {
        int n = 10_000;
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> doubled = Pipelines.parallelMap(scope, range(scope, 0, n, 16), 4, 16, x -> 2 * x);
            List<ReceiveChannel<Integer>> parts = Pipelines.fanOut(scope, doubled, 3, 4);
            List<ReceiveChannel<Integer>> odd = new ArrayList<>();
            for (ReceiveChannel<Integer> part : parts) {
                odd.add(Pipelines.parallelMapUnordered(scope, part, 2, 4, x -> x + 1));
            }
            List<Integer> got = Pipelines.toList(Pipelines.merge(scope, 8, odd));
            Ledger ledger = new Ledger();
            got.forEach(x -> ledger.add((x - 1) / 2));
            ledger.assertExactlyOnce(n);
        });
    }

    @Test
    void cancellingTheEndStopsEveryStageAndNoCoroutineOutlivesTheScope() throws Exception {
        Set<Thread> stageThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<CoroutineScope> owner = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            owner.set(scope);
            ReceiveChannel<Integer> source = PipeFixtures.endless(scope, sent);
            ReceiveChannel<Integer> a = Pipelines.parallelMap(scope, source, 3, 2, x -> {
                stageThreads.add(Thread.currentThread());
                return x;
            });
            List<ReceiveChannel<Integer>> halves = Pipelines.fanOut(scope, a, 2, 1);
            ReceiveChannel<Integer> end = Pipelines.parallelMapUnordered(scope, Pipelines.merge(scope, 0, halves), 2, 0, x -> {
                stageThreads.add(Thread.currentThread());
                return x;
            });
            for (int i = 0; i < 500; i++) {
                end.receive();
            }
            end.cancel(); // the only signal: every stage upstream must stop by itself
        });
        assertEquals(0, owner.get().activeCount());
        for (Thread t : stageThreads) {
            assertTrue(t.join(Duration.ofSeconds(10)), t + " outlived the scope");
        }
    }

    @Test
    void aFailureInTheMiddleReachesTheEndAndTheScopeStaysQuiet() throws Exception {
        IllegalStateException boom = new IllegalStateException("stage 2 failed at 4321");
        AtomicInteger sent = new AtomicInteger();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> failing = Pipelines.parallelMap(scope, range(scope, 0, 100_000, 8), 4, 4, x -> {
                if (x == 4321) {
                    throw boom;
                }
                return x;
            });
            ReceiveChannel<Integer> merged = Pipelines.merge(scope, 4, failing, PipeFixtures.endless(scope, sent));
            ReceiveChannel<Integer> end = Pipelines.parallelMapUnordered(scope, merged, 2, 4, x -> x);
            ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> {
                for (int x : end) {
                    assertTrue(x >= 0);
                }
            });
            assertSame(boom, e.getCause());
        }); // no CoroutineFailedException: the failure went down the pipeline, and everything stopped
    }

    @Test
    void aScopeTimeoutStopsThePipeline() throws Exception {
        AtomicReference<Throwable> endedWith = new AtomicReference<>();
        ScopeTimeoutException e = assertThrows(ScopeTimeoutException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.withTimeout(Duration.ofMillis(200))) {
                AtomicInteger sent = new AtomicInteger();
                ReceiveChannel<Integer> end = Pipelines.parallelMap(scope, PipeFixtures.endless(scope, sent), 2, 2, x -> x);
                try {
                    while (true) {
                        end.receive();
                    }
                } catch (ChannelClosedException closed) {
                    endedWith.set(closed.getCause());
                }
            }
        });
        assertNotNull(e.getMessage());
        assertInstanceOf(CancellationException.class, endedWith.get());
    }

    @Test
    void aSlowConsumerBoundsWhatIsInFlight() throws Exception {
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
            ReceiveChannel<Integer> end = Pipelines.parallelMap(scope, source, 3, 2, x -> x);
            PipeFixtures.eventually("the producer started", () -> producer.get() != null);
            TestSupport.awaitBlockedIn(producer.get(), "send"); // never, if the stage ran away with the input
            int bound = 4 + 2 + 3 * AdaptiveBatch.MAX;
            assertTrue(sent.get() <= bound, sent.get() + " sent while nobody read");
            assertEquals(0, end.receive());
            end.cancel();
        });
    }

    @Test
    void stagesRunOnAnySpawnerEvenAFewPooledThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Spawner twoThreads = Coroutines.spawner(pool);
            ReceiveChannel<Integer> source = Coroutines.produce(8, out -> {
                for (int i = 0; i < 2000; i++) {
                    out.send(i);
                }
            });
            // four workers on two threads: the two that cannot start do not hold anything up
            List<Integer> got = Pipelines.toList(Pipelines.parallelMap(twoThreads, source, 4, 4, x -> x * 3));
            for (int i = 0; i < 2000; i++) {
                assertEquals(i * 3, got.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInputCancelledByOthersIsNotTakenForACompleteStream() throws Exception {
        PipeFixtures.inScope(scope -> {
            Channel<Integer> in = Channel.buffered(4);
            in.send(1);
            ReceiveChannel<Integer> merged = Pipelines.merge(scope, 0, in);
            ReceiveChannel<Integer> mapped = Pipelines.parallelMap(scope, merged, 2, 0, x -> x);
            assertEquals(1, mapped.receive());
            in.cancel(); // by somebody else than the stage
            ChannelClosedException e = assertThrows(ChannelClosedException.class, mapped::receive);
            assertInstanceOf(CancellationException.class, e.getCause());
        });
    }

    @Test
    void collectingAChannel() throws Exception {
        Channel<Integer> plain = Channel.buffered(3);
        plain.send(1);
        plain.send(2);
        plain.close();
        assertEquals(List.of(1, 2), Pipelines.toList(plain));

        IllegalStateException boom = new IllegalStateException("boom");
        Channel<Integer> failed = Channel.buffered(3);
        failed.send(1);
        failed.close(boom);
        assertSame(boom, assertThrows(ChannelClosedException.class, () -> Pipelines.toList(failed)).getCause());

        Channel<Integer> failed2 = Channel.buffered(3);
        failed2.send(1);
        failed2.close(boom);
        assertSame(boom, assertThrows(ChannelClosedException.class, () -> failed2.stream().toList()).getCause(),
                "stream().toList() reports a cause the same way");

        Channel<Integer> cancelled = Channel.buffered(3);
        cancelled.send(1);
        cancelled.cancel();
        assertTrue(assertThrows(ChannelClosedException.class, () -> Pipelines.toList(cancelled)).isCancelled(),
                "a cancelled channel is not mistaken for a complete one");

        Channel<Integer> open = Channel.rendezvous();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Pipelines.toList(open));
        assertFalse(Thread.interrupted());
        assertThrows(NullPointerException.class, () -> Pipelines.toList(null));
    }
}
