package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The rule: a failure that nobody is waiting for when the body exits goes to the thread's
 * uncaught-exception handler; one that a joiner, a combinator or a scope takes does not.
 */
class FailureReportingTest {
    private final Uncaught u = new Uncaught();

    @Test
    void unobservedFailureReachesTheThreadsHandler() throws Exception {
        IllegalStateException boom = new IllegalStateException("nobody joins me");
        Coroutine<Void> c = Coroutines.spawner(u.virtual).spawn(() -> {
            throw boom;
        });
        assertSame(boom, u.next());
        c.join();
        // still observable afterwards
        assertSame(boom, assertThrows(CoroutineFailedException.class, c::result).getCause());
    }

    @Test
    void byDefaultTheVirtualThreadsOwnHandlerIsUsed() throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Uncaught global = new Uncaught();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> global.reported.trySend(e));
        try {
            RuntimeException boom = new RuntimeException("default handler");
            Coroutines.spawn((Runnable) () -> {
                throw boom;
            });
            Throwable got;
            do { // other tests' stray reports may arrive on the default handler too
                got = global.next();
            } while (got != null && got != boom);
            assertSame(boom, got);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void aJoinerWaitingAtFailureTimeTakesIt() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Coroutine<Void> c = Coroutines.spawner(u.virtual).spawn(() -> {
            go.await();
            throw new IllegalStateException("joined");
        });
        Coroutine<Throwable> joiner = Coroutines.spawn(() -> {
            try {
                c.result();
                return null;
            } catch (CoroutineFailedException e) {
                return e.getCause();
            }
        });
        awaitJoinerParked(c);
        go.countDown();
        assertEquals("joined", joiner.result().getMessage());
        // a success afterwards proves the handler saw nothing from c
        assertNoReport();
    }

    @Test
    void aTimedOutJoinerDoesNotTakeALaterFailure() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("after the joiner left");
        Coroutine<Void> c = Coroutines.spawner(u.virtual).spawn(() -> {
            go.await();
            throw boom;
        });
        assertFalse(c.join(Duration.ofMillis(5)));
        go.countDown();
        assertSame(boom, u.next());
    }

    @Test
    void scopeTakesFailuresOfItsCoroutines() throws Exception {
        RuntimeException boom = new RuntimeException("scoped");
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.builder().threadFactory(u.virtual).open()) {
                scope.spawn((Runnable) () -> {
                    throw boom;
                });
            }
        });
        assertSame(boom, e.getCause());
        assertNoReport();
    }

    @Test
    void supervisorScopeLetsFailuresReachTheHandler() throws Exception {
        RuntimeException boom = new RuntimeException("supervised");
        try (CoroutineScope scope = CoroutineScope.builder().supervisor().threadFactory(u.virtual).open()) {
            scope.spawn((Runnable) () -> {
                throw boom;
            });
        }
        assertSame(boom, u.next());
    }

    @Test
    void gatherTakesTheFailure() throws Exception {
        RuntimeException boom = new RuntimeException("gathered");
        CountDownLatch go = new CountDownLatch(1);
        Spawner s = Coroutines.spawner(u.virtual);
        Coroutine<Integer> bad = s.spawn(() -> {
            go.await();
            throw boom;
        });
        Coroutine<Integer> good = s.spawn(() -> 1);
        Coroutine<Throwable> g = Coroutines.spawn(() -> {
            try {
                Coroutines.gather(List.of(bad, good));
                return null;
            } catch (CoroutineFailedException e) {
                return e.getCause();
            }
        });
        awaitJoinerParked(bad);
        go.countDown();
        assertSame(boom, g.result());
        assertNoReport();
    }

    @Test
    void joinAllDoesNotTakeFailures() throws Exception {
        RuntimeException boom = new RuntimeException("joinAll does not raise");
        CountDownLatch go = new CountDownLatch(1);
        Coroutine<Integer> bad = Coroutines.spawner(u.virtual).spawn(() -> {
            go.await();
            throw boom;
        });
        Coroutine<List<Coroutine<Integer>>> j = Coroutines.spawn(() -> Coroutines.joinAll(Duration.ofSeconds(30), List.of(bad)));
        awaitJoinerParked(bad);
        go.countDown();
        assertEquals(List.of(bad), j.result());
        assertSame(boom, u.next());
    }

    @Test
    void cancellationIsNotReported() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<Void> c = Coroutines.spawner(u.virtual).spawn(() -> {
            started.countDown();
            Thread.sleep(Duration.ofMinutes(5));
            return null;
        });
        started.await();
        c.cancel();
        c.join();
        assertNoReport();
    }

    /** Proves the handler got nothing so far: a known failure spawned now is the next report. */
    private void assertNoReport() throws InterruptedException {
        RuntimeException marker = new RuntimeException("marker");
        Coroutines.spawner(u.virtual).spawn((Runnable) () -> {
            throw marker;
        });
        assertSame(marker, u.next(), "an earlier failure was reported");
    }

    /** Waits until someone (a joiner or a combinator) is registered on {@code c}. */
    static void awaitJoinerParked(Coroutine<?> c) throws InterruptedException {
        CoroutineTask<?> t = (CoroutineTask<?>) c;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!t.hasWaiters()) {
            if (System.nanoTime() > deadline) {
                fail("nobody started waiting on " + c);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
