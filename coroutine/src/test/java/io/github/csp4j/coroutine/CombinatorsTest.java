package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CombinatorsTest {
    /** Spawns coroutines whose unobserved failures are expected and kept off stderr. */
    private final Spawner quiet = Coroutines.spawner(new Uncaught().virtual);

    private static Coroutine<Integer> blockedUntil(CountDownLatch latch, int value) {
        return Coroutines.spawn(() -> {
            latch.await();
            return value;
        });
    }

    private static Coroutine<Integer> blockedForever(CountDownLatch started) {
        return Coroutines.spawn(() -> {
            started.countDown();
            Thread.sleep(Duration.ofMinutes(10));
            return -1;
        });
    }

    // ---- joinAll ----------------------------------------------------------------------------------

    @Test
    void joinAllReturnsAllWhenAllFinish() throws Exception {
        List<Coroutine<Integer>> cs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int v = i;
            cs.add(Coroutines.spawn(() -> v));
        }
        assertEquals(cs, Coroutines.joinAll(Duration.ofSeconds(30), cs));
        assertEquals(List.of(), Coroutines.joinAll(Duration.ZERO, List.<Coroutine<?>>of()));
    }

    @Test
    void joinAllReturnsThoseFinishedWhenTheTimeoutPasses() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Coroutine<Integer> quick = Coroutines.spawn(() -> 1);
        Coroutine<Integer> slow = blockedUntil(never, 2);
        quick.join();
        List<Coroutine<Integer>> done = Coroutines.joinAll(Duration.ofMillis(30), quick, slow);
        assertEquals(List.of(quick), done);
        assertFalse(slow.isDone(), "joinAll leaves the rest running");
        never.countDown();
        assertEquals(2, slow.result());
    }

    @Test
    void joinAllIncludesFailedAndCancelled() throws Exception {
        Coroutine<Integer> failed = Coroutines.spawner(new Uncaught().virtual).spawn(() -> {
            throw new IllegalStateException("x");
        });
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<Integer> cancelled = blockedForever(started);
        started.await();
        cancelled.cancel();
        assertEquals(List.of(failed, cancelled), Coroutines.joinAll(Duration.ofSeconds(30), failed, cancelled));
    }

    @Test
    void joinAllOrFailThrowsTheFirstFailureWithoutWaitingForTheRest() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        Coroutine<Integer> slow = blockedUntil(never, 1);
        Coroutine<Integer> bad = quiet.spawn(() -> {
            throw boom;
        });
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class,
                () -> Coroutines.joinAllOrFail(Duration.ofSeconds(30), slow, bad));
        assertSame(boom, e.getCause());
        assertFalse(slow.isDone(), "not cancelled");
        never.countDown();
        slow.join();
        assertEquals(List.of(slow), Coroutines.joinAllOrFail(Duration.ofSeconds(30), slow));
    }

    @Test
    void joinAllOrFailWithTimeoutReturnsFinished() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Coroutine<Integer> slow = blockedUntil(never, 1);
        Coroutine<Integer> quick = Coroutines.spawn(() -> 2);
        quick.join();
        assertEquals(List.of(quick), Coroutines.joinAllOrFail(Duration.ofMillis(20), List.of(slow, quick)));
        never.countDown();
    }

    // ---- gather -----------------------------------------------------------------------------------

    @Test
    void gatherReturnsResultsInOrderNotCompletionOrder() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Coroutine<String> a = Coroutines.spawn(() -> {
            first.await();
            return "a";
        });
        Coroutine<String> b = Coroutines.spawn(() -> {
            first.countDown();
            return "b";
        });
        assertEquals(List.of("a", "b"), Coroutines.gather(a, b));
        assertEquals(List.of(), Coroutines.gather(List.<Coroutine<String>>of()));
    }

    @Test
    void gatherFailsFastAndCancelsTheRest() throws Exception {
        CountDownLatch started1 = new CountDownLatch(1);
        CountDownLatch started2 = new CountDownLatch(1);
        Coroutine<Integer> slow1 = blockedForever(started1);
        Coroutine<Integer> slow2 = blockedForever(started2);
        started1.await();
        started2.await();
        IllegalArgumentException boom = new IllegalArgumentException("bad input");
        Coroutine<Integer> bad = quiet.spawn(() -> {
            throw boom;
        });
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class,
                () -> Coroutines.gather(slow1, bad, slow2));
        assertSame(boom, e.getCause());
        assertTrue(slow1.isCancelled());
        assertTrue(slow2.isCancelled());
        slow1.join();
        slow2.join();
        assertEquals(Coroutine.State.CANCELLED, slow1.state());
        assertEquals(Coroutine.State.CANCELLED, slow2.state());
    }

    @Test
    void gatherOfACancelledCoroutineThrowsCancellation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<Integer> c = blockedForever(started);
        started.await();
        c.cancel();
        assertThrows(CancellationException.class, () -> Coroutines.gather(c, Coroutines.spawn(() -> 1)));
    }

    @Test
    void gatherAttachesOtherFailuresThatWereAlreadyDone() throws Exception {
        RuntimeException b1 = new RuntimeException("one");
        RuntimeException b2 = new RuntimeException("two");
        Coroutine<Integer> f1 = quiet.spawn(() -> {
            throw b1;
        });
        Coroutine<Integer> f2 = quiet.spawn(() -> {
            throw b2;
        });
        f1.join();
        f2.join();
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> Coroutines.gather(f1, f2));
        List<Throwable> all = new ArrayList<>(Arrays.asList(e.getSuppressed()));
        all.add(e.getCause());
        assertTrue(all.contains(b1) && all.contains(b2), all.toString());
    }

    @Test
    void interruptedGatherCancelsEverything() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Coroutine<Integer> a = blockedForever(started);
        Coroutine<Integer> b = blockedForever(started);
        started.await();
        Channel<Throwable> seen = Channel.buffered(1);
        Coroutine<Void> gatherer = Coroutines.spawn(() -> {
            try {
                Coroutines.gather(a, b);
            } catch (InterruptedException e) {
                seen.send(e);
            }
            return null;
        });
        FailureReportingTest.awaitJoinerParked(a);
        gatherer.cancel();
        assertInstanceOf(InterruptedException.class, seen.receive(Duration.ofSeconds(10)));
        a.join();
        b.join();
        assertTrue(a.isCancelled() && b.isCancelled());
    }

    // ---- awaitAny ---------------------------------------------------------------------------------

    @Test
    void awaitAnyReturnsTheFirstSuccessAndCancelsTheOthers() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Coroutine<Integer> slow1 = blockedForever(started);
        Coroutine<Integer> slow2 = blockedForever(started);
        started.await();
        Coroutine<Integer> failing = quiet.spawn(() -> {
            throw new IllegalStateException("skipped");
        });
        failing.join();
        Coroutine<Integer> winner = Coroutines.spawn(() -> 7);
        assertEquals(7, Coroutines.awaitAny(slow1, failing, winner, slow2));
        slow1.join();
        slow2.join();
        assertEquals(Coroutine.State.CANCELLED, slow1.state());
        assertEquals(Coroutine.State.CANCELLED, slow2.state());
        assertEquals(Coroutine.State.SUCCEEDED, winner.state());
    }

    @Test
    void awaitAnyThrowsWhenAllFail() throws Exception {
        RuntimeException b1 = new RuntimeException("one");
        RuntimeException b2 = new RuntimeException("two");
        Coroutine<Integer> f1 = quiet.spawn(() -> {
            throw b1;
        });
        Coroutine<Integer> f2 = quiet.spawn(() -> {
            throw b2;
        });
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> Coroutines.awaitAny(f1, f2));
        List<Throwable> all = new ArrayList<>(Arrays.asList(e.getSuppressed()));
        all.add(e.getCause());
        assertEquals(2, all.size());
        assertTrue(all.contains(b1) && all.contains(b2), all.toString());
    }

    @Test
    void awaitAnyOfOnlyCancelledThrowsCancellation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<Integer> c = blockedForever(started);
        started.await();
        c.cancel();
        assertThrows(CancellationException.class, () -> Coroutines.awaitAny(List.of(c)));
    }
}
