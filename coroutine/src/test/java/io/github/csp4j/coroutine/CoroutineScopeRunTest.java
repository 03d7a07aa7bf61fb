package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link CoroutineScope#run}: a scope as a block, which cancels its coroutines when the block fails. */
@Timeout(60)
class CoroutineScopeRunTest {

    /** Spawns {@code n} coroutines that block until cancelled; returns once all have started. */
    private static List<Coroutine<Void>> spawnSleepers(CoroutineScope scope, int n) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(n);
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sleepers.add(scope.spawn(() -> {
                started.countDown();
                Thread.sleep(Duration.ofMinutes(10)); // the operation that cancellation interrupts
                return null;
            }));
        }
        started.await();
        return sleepers;
    }

    private static void assertAllCancelled(List<Coroutine<Void>> coroutines) {
        for (Coroutine<Void> c : coroutines) {
            assertTrue(c.isDone(), c + " outlived its scope");
            assertTrue(c.isCancelled(), c + " was not cancelled");
        }
    }

    @Test
    void returnsTheBlocksValueOnceEveryCoroutineIsDone() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Thread owner = Thread.currentThread();
        String value = CoroutineScope.run(scope -> {
            for (int i = 0; i < 20; i++) {
                scope.spawn(() -> {
                    release.await();
                    finished.incrementAndGet();
                    return null;
                });
            }
            Coroutines.spawn(() -> {
                TestSupport.awaitBlockedIn(owner, "close"); // released only once run() waits for them
                release.countDown();
                return null;
            });
            return "value";
        });
        assertEquals("value", value);
        assertEquals(20, finished.get());
    }

    @Test
    void aBlockThatThrowsCancelsItsCoroutinesAndRethrowsTheSameException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> CoroutineScope.run(scope -> {
            sleepers.addAll(spawnSleepers(scope, 3));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(0, thrown.getSuppressed().length, "cancelled coroutines are not failures");
        assertAllCancelled(sleepers);
    }

    @Test
    void aCheckedExceptionIsWrappedWithItAsTheCause() throws Exception {
        IOException io = new IOException("disk");
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        CoroutineFailedException thrown = assertThrows(CoroutineFailedException.class, () -> CoroutineScope.run(scope -> {
            sleepers.addAll(spawnSleepers(scope, 2));
            throw io;
        }));
        assertSame(io, thrown.getCause());
        assertAllCancelled(sleepers);
    }

    @Test
    void anInterruptedExceptionFromTheBlockIsRethrownAsItIs() throws Exception {
        InterruptedException ie = new InterruptedException("stop");
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        InterruptedException thrown = assertThrows(InterruptedException.class, () -> CoroutineScope.run(scope -> {
            sleepers.addAll(spawnSleepers(scope, 2));
            throw ie;
        }));
        assertSame(ie, thrown);
        assertAllCancelled(sleepers);
    }

    @Test
    void aCoroutinesFailureIsSuppressedOnTheBlocksException() throws Exception {
        IllegalStateException childBoom = new IllegalStateException("child");
        IllegalArgumentException blockBoom = new IllegalArgumentException("block");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> CoroutineScope.run(scope -> {
            Coroutine<Object> child = scope.spawn(() -> {
                throw childBoom;
            });
            child.join();
            throw blockBoom;
        }));
        assertSame(blockBoom, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertInstanceOf(CoroutineFailedException.class, thrown.getSuppressed()[0]);
        assertSame(childBoom, thrown.getSuppressed()[0].getCause());
    }

    @Test
    void aCoroutinesFailureAloneFailsTheRunAsCloseWould() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        CoroutineFailedException thrown = assertThrows(CoroutineFailedException.class, () -> CoroutineScope.run(scope -> {
            sleepers.addAll(spawnSleepers(scope, 2));
            scope.spawn(() -> {
                throw boom;
            });
            return "never returned";
        }));
        assertSame(boom, thrown.getCause());
        assertAllCancelled(sleepers);
    }

    @Test
    void aFailingBlockCancelsEvenInASupervisorScope() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        assertSame(boom, assertThrows(IllegalStateException.class, () -> CoroutineScope.builder().supervisor().run(scope -> {
            sleepers.addAll(spawnSleepers(scope, 2));
            throw boom;
        })));
        assertAllCancelled(sleepers);
    }

    @Test
    void aTimeoutCancelsAndRunThrowsScopeTimeoutException() throws Exception {
        List<Coroutine<Void>> sleepers = new ArrayList<>();
        assertThrows(ScopeTimeoutException.class, () -> CoroutineScope.builder().timeout(Duration.ofMillis(20)).run(scope -> {
            sleepers.addAll(spawnSleepers(scope, 2));
            return null;
        }));
        assertAllCancelled(sleepers);
    }

    @Test
    void theScopeIsClosedAfterRunReturns() throws Exception {
        CoroutineScope[] seen = new CoroutineScope[1];
        CoroutineScope.run(scope -> seen[0] = scope);
        assertTrue(seen[0].isClosed());
        assertThrows(IllegalStateException.class, () -> seen[0].spawn(() -> null));
    }

    @Test
    void aNullBlockIsANullPointerException() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> CoroutineScope.run(null));
        assertTrue(e.getMessage().contains("block"), e.getMessage());
    }
}
