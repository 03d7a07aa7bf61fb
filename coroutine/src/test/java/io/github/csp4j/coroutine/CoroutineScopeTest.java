package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoroutineScopeTest {

    private static Callable0 sleepForever(CountDownLatch started) {
        return () -> {
            started.countDown();
            Thread.sleep(Duration.ofMinutes(10));
            return null;
        };
    }

    /** A Callable<Void> without the generic noise. */
    interface Callable0 extends java.util.concurrent.Callable<Void> {
    }

    @Test
    void closeWaitsForEveryCoroutineIncludingOnesSpawnedWhileClosing() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Coroutine<?>> all = new ArrayList<>();
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int i = 0; i < 50; i++) {
                all.add(scope.spawn(() -> {
                    release.await();
                    // spawned while the owner is already waiting in close()
                    scope.spawn(() -> {
                        release.await();
                        finished.incrementAndGet();
                        return null;
                    });
                    finished.incrementAndGet();
                    return null;
                }));
            }
            Thread owner = Thread.currentThread();
            Coroutines.spawn(() -> {
                // released only once the owner waits in close()
                TestSupport.awaitBlockedIn(owner, "close");
                release.countDown();
                return null;
            });
        }
        assertEquals(100, finished.get());
        for (Coroutine<?> c : all) {
            assertTrue(c.isDone());
        }
    }

    @Test
    void aFailureCancelsTheOthersAndCloseThrowsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        IllegalStateException boom = new IllegalStateException("boom");
        List<Coroutine<?>> sleepers = new ArrayList<>();
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.open()) {
                for (int i = 0; i < 3; i++) {
                    sleepers.add(scope.spawn(sleepForever(started)));
                }
                started.await();
                scope.spawn(() -> {
                    throw boom;
                });
            }
        });
        assertSame(boom, e.getCause());
        assertEquals(0, e.getSuppressed().length, "cancelled coroutines are not failures");
        for (Coroutine<?> c : sleepers) {
            assertEquals(Coroutine.State.CANCELLED, c.state());
        }
    }

    @Test
    void severalFailuresAtOnceFirstIsTheCauseTheRestSuppressed() throws Exception {
        CountDownLatch bothFailed = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        RuntimeException b1 = new RuntimeException("one");
        RuntimeException b2 = new RuntimeException("two");
        Coroutine<?>[] sleeper = new Coroutine<?>[1];
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.open()) {
                sleeper[0] = scope.spawn(sleepForever(started));
                for (RuntimeException b : List.of(b1, b2)) {
                    Coroutine<Void> c = scope.spawn(() -> {
                        go.await();
                        throw b;
                    });
                    // white box: hold each failing coroutine between "failed" and "scope told"
                    // until both have failed, so neither can be cancelled by the other's failure
                    ((CoroutineTask<?>) c).subscribe(done -> {
                        bothFailed.countDown();
                        try {
                            bothFailed.await();
                        } catch (InterruptedException ie) {
                            throw new AssertionError(ie);
                        }
                        return false;
                    });
                }
                started.await();
                go.countDown();
            }
        });
        Set<Throwable> all = new HashSet<>(Arrays.asList(e.getSuppressed()));
        all.add(e.getCause());
        assertEquals(Set.of(b1, b2), all);
        assertEquals(1, e.getSuppressed().length);
        assertEquals(Coroutine.State.CANCELLED, sleeper[0].state());
    }

    @Test
    void supervisorLetsTheOthersRunOn() throws Exception {
        Uncaught u = new Uncaught();
        CountDownLatch failed = new CountDownLatch(1);
        RuntimeException boom = new RuntimeException("supervised");
        Coroutine<String> survivor;
        try (CoroutineScope scope = CoroutineScope.builder().supervisor().threadFactory(u.virtual).open()) {
            assertTrue(scope.isSupervisor());
            Coroutine<Void> bad = scope.spawn(() -> {
                try {
                    throw boom;
                } finally {
                    failed.countDown();
                }
            });
            survivor = scope.spawn(() -> {
                failed.await();
                bad.join();
                return "still here";
            });
        }
        assertEquals("still here", survivor.result());
        assertSame(boom, u.next());
    }

    @Test
    void timeoutCancelsEverythingAndSaysSo() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        List<Coroutine<?>> cs = new ArrayList<>();
        long t0 = System.nanoTime();
        CoroutineScope[] s = new CoroutineScope[1];
        ScopeTimeoutException e = assertThrows(ScopeTimeoutException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.withTimeout(Duration.ofMillis(100))) {
                s[0] = scope;
                cs.add(scope.spawn(sleepForever(started)));
                cs.add(scope.spawn(sleepForever(started)));
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 90 && ms < 10_000, "took " + ms + " ms");
        assertEquals(Duration.ofMillis(100), e.timeout());
        assertTrue(s[0].isTimedOut());
        assertTrue(s[0].isCancelled());
        assertTrue(s[0].isClosed());
        for (Coroutine<?> c : cs) {
            assertEquals(Coroutine.State.CANCELLED, c.state());
        }
    }

    @Test
    void aScopeThatFinishesInTimeDoesNotTimeOutAndReleasesItsTimer() throws Exception {
        int before = Timers.pendingTimers();
        try (CoroutineScope scope = CoroutineScope.withTimeout(Duration.ofHours(1))) {
            assertEquals(before + 1, Timers.pendingTimers());
            scope.spawn(() -> 1);
        }
        assertEquals(before, Timers.pendingTimers());
    }

    @Test
    void aFailureBeforeTheDeadlineIsThrownRatherThanTheTimeout() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        RuntimeException boom = new RuntimeException("first");
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.withTimeout(Duration.ofMinutes(5))) {
                scope.spawn(sleepForever(started));
                started.await();
                scope.spawn(() -> {
                    throw boom;
                });
            }
        });
        assertSame(boom, e.getCause());
    }

    @Test
    void explicitCancelIsNotAnErrorAndCancelsNewSpawns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<?> sleeper;
        Coroutine<Integer> late;
        CoroutineScope s;
        try (CoroutineScope scope = CoroutineScope.open()) {
            s = scope;
            sleeper = scope.spawn(sleepForever(started));
            started.await();
            assertTrue(scope.cancel());
            assertFalse(scope.cancel());
            assertTrue(scope.isCancelled());
            AtomicInteger ran = new AtomicInteger();
            late = scope.spawn(ran::incrementAndGet);
            assertTrue(late.isDone(), "spawned into a cancelled scope: cancelled at once");
            assertEquals(0, ran.get());
        }
        assertEquals(Coroutine.State.CANCELLED, sleeper.state());
        assertEquals(Coroutine.State.CANCELLED, late.state());
        assertFalse(s.isTimedOut());
    }

    @Test
    void spawningIntoAClosedScopeIsAnIllegalStateException() throws Exception {
        CoroutineScope scope = CoroutineScope.open();
        scope.close();
        scope.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scope.spawn(() -> 1));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> scope.spawn((Runnable) () -> { }));
        assertThrows(IllegalStateException.class, () -> scope.produce(out -> { }));
        assertFalse(scope.cancel(), "nothing to cancel in a closed scope");
    }

    @Test
    void closeByAnotherThreadIsRefused() throws Exception {
        try (CoroutineScope scope = CoroutineScope.open()) {
            Coroutine<Void> other = Coroutines.spawner(new Uncaught().virtual).spawn(() -> {
                scope.close();
                return null;
            });
            assertInstanceOf(WrongThreadException.class,
                    assertThrows(CoroutineFailedException.class, other::result).getCause());
        }
    }

    @Test
    void closingOutOfOrderIsRefused() throws Exception {
        try (CoroutineScope outer = CoroutineScope.open()) {
            CoroutineScope inner = CoroutineScope.open();
            assertThrows(IllegalStateException.class, outer::close);
            inner.close();
        }
    }

    @Test
    void cancellingAScopeCancelsNestedScopesOnTheSameThreadAndInCoroutines() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        List<Coroutine<?>> leaves = new ArrayList<>();
        Channel<Coroutine<?>> grandchildren = Channel.unbounded();
        try (CoroutineScope outer = CoroutineScope.open()) {
            leaves.add(outer.spawn(sleepForever(started)));
            // a scope opened by a coroutine of outer
            Coroutine<Void> child = outer.spawn(() -> {
                try (CoroutineScope inChild = CoroutineScope.open()) {
                    grandchildren.send(inChild.spawn(sleepForever(started)));
                }
                return null;
            });
            leaves.add(child);
            // a scope opened inside outer's block on the owner thread
            try (CoroutineScope nested = CoroutineScope.open()) {
                leaves.add(nested.spawn(sleepForever(started)));
                started.await();
                assertTrue(outer.cancel());
                assertTrue(nested.isCancelled());
            }
        }
        leaves.add(grandchildren.receive());
        for (Coroutine<?> c : leaves) {
            assertEquals(Coroutine.State.CANCELLED, c.state(), c.toString());
        }
    }

    @Test
    void timeoutReachesGrandchildrenEvenIfTheChildSwallowsItsInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Channel<Coroutine<?>> grandchild = Channel.buffered(1);
        assertThrows(ScopeTimeoutException.class, () -> {
            try (CoroutineScope outer = CoroutineScope.withTimeout(Duration.ofMillis(50))) {
                outer.spawn(() -> {
                    try (CoroutineScope inner = CoroutineScope.open()) {
                        grandchild.send(inner.spawn(sleepForever(started)));
                        try {
                            Thread.sleep(Duration.ofMinutes(10)); // consumes the cancellation interrupt
                        } catch (InterruptedException swallowed) {
                            // inner.close() now runs without an interrupt pending: the inner scope
                            // must have been cancelled through the registry
                        }
                    }
                    return null;
                });
            }
        });
        assertEquals(Coroutine.State.CANCELLED, grandchild.receive().state());
    }

    @Test
    void cancellingACoroutineCancelsTheScopeItOpened() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Channel<Coroutine<?>> grandchild = Channel.buffered(1);
        Coroutine<Void> c = Coroutines.spawn(() -> {
            try (CoroutineScope scope = CoroutineScope.open()) {
                grandchild.send(scope.spawn(sleepForever(started)));
            }
            return null;
        });
        started.await();
        c.cancel();
        c.join();
        assertEquals(Coroutine.State.CANCELLED, grandchild.receive().state());
    }

    @Test
    void interruptingTheClosingThreadCancelsTheScopeWaitsAndThrows() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Channel<Object> outcome = Channel.buffered(4);
        List<Coroutine<?>> children = new ArrayList<>();
        Thread[] ownerThread = new Thread[1];
        Coroutine<Void> owner = Coroutines.spawn(() -> {
            ownerThread[0] = Thread.currentThread();
            try (CoroutineScope scope = CoroutineScope.open()) {
                children.add(scope.spawn(sleepForever(started)));
                children.add(scope.spawn(sleepForever(started)));
                started.await();
                outcome.send("closing");
            } catch (InterruptedException e) {
                outcome.send(e);
                for (Coroutine<?> ch : children) {
                    outcome.send(ch.isDone());
                }
            }
            return null;
        });
        assertEquals("closing", outcome.receive());
        TestSupport.awaitBlockedIn(ownerThread[0], "close");
        // interrupt the owner directly (not a cancel): close() must answer it
        ownerThread[0].interrupt();
        assertInstanceOf(InterruptedException.class, outcome.receive(Duration.ofSeconds(10)));
        assertEquals(true, outcome.receive());
        assertEquals(true, outcome.receive());
        owner.join();
        assertEquals(Coroutine.State.SUCCEEDED, owner.state());
    }

    @Test
    void platformThreadFactoryAndNamedExecutor() throws Exception {
        try (CoroutineScope scope = CoroutineScope.builder().name("platform")
                .threadFactory(Thread.ofPlatform().daemon(true).factory()).open()) {
            assertFalse(scope.spawn(() -> Thread.currentThread().isVirtual()).result());
            assertEquals("p1", scope.spawn("p1", () -> Thread.currentThread().getName()).result());
            assertTrue(scope.toString().contains("platform"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Coroutine<String>> names = new ArrayList<>();
            try (CoroutineScope scope = CoroutineScope.builder().executor(pool).open()) {
                for (int i = 0; i < 6; i++) {
                    names.add(scope.spawn("task-" + i, () -> Thread.currentThread().getName()));
                }
                names.add(scope.spawn(() -> Thread.currentThread().getName()));
            }
            for (int i = 0; i < 6; i++) {
                assertEquals("task-" + i, names.get(i).result());
            }
            assertTrue(names.get(6).result().startsWith("pool-"), names.get(6).result());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellationOnAPooledThreadDoesNotLeakTheInterrupt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            Spawner s = Coroutines.spawner(pool);
            Coroutine<Void> c = s.spawn(sleepForever(started));
            started.await();
            c.cancel();
            c.join();
            assertFalse(s.spawn(() -> Thread.currentThread().isInterrupted()).result());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void generatorInAScopeIsOwnedByIt() throws Exception {
        List<Integer> got = new ArrayList<>();
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int x : scope.<Integer>produce(out -> {
                for (int i = 0; i < 5; i++) {
                    out.send(i);
                }
            })) {
                got.add(x);
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), got);
    }
}
