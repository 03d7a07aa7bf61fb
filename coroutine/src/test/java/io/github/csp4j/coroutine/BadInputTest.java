package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input gets a clear exception that names the problem. */
class BadInputTest {
    private static final Duration NEGATIVE = Duration.ofMillis(-1);

    private static void assertMessage(Class<? extends Throwable> type, String fragment, Executable call) {
        Throwable e = assertThrows(type, call);
        assertNotNull(e.getMessage(), "no message");
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }

    @Test
    void nullBodiesAndNames() {
        assertMessage(NullPointerException.class, "body", () -> Coroutines.spawn((Callable<Object>) null));
        assertMessage(NullPointerException.class, "body", () -> Coroutines.spawn((Runnable) null));
        assertMessage(NullPointerException.class, "body", () -> Coroutines.spawn("n", (Callable<Object>) null));
        assertMessage(NullPointerException.class, "name", () -> Coroutines.spawn(null, () -> 1));
        assertMessage(NullPointerException.class, "name", () -> Coroutines.spawn(null, (Runnable) () -> { }));
        assertMessage(NullPointerException.class, "generator", () -> Coroutines.produce(null));
        assertMessage(NullPointerException.class, "threadFactory", () -> Coroutines.spawner((ThreadFactory) null));
        assertMessage(NullPointerException.class, "executor", () -> Coroutines.spawner((Executor) null));
    }

    @Test
    void nullBodiesInScopes() throws Exception {
        try (CoroutineScope scope = CoroutineScope.open()) {
            assertMessage(NullPointerException.class, "body", () -> scope.spawn((Callable<Object>) null));
            assertMessage(NullPointerException.class, "body", () -> scope.spawn((Runnable) null));
            assertMessage(NullPointerException.class, "name", () -> scope.spawn(null, () -> 1));
            assertMessage(NullPointerException.class, "generator", () -> scope.produce(null));
            assertEquals(0, scope.activeCount(), "nothing was spawned");
        }
        assertMessage(NullPointerException.class, "name", () -> CoroutineScope.builder().name(null));
        assertMessage(NullPointerException.class, "threadFactory", () -> CoroutineScope.builder().threadFactory(null));
        assertMessage(NullPointerException.class, "executor", () -> CoroutineScope.builder().executor(null));
    }

    @Test
    void negativeAndNullTimeouts() throws Exception {
        Coroutine<Integer> c = Coroutines.spawn(() -> 1);
        assertMessage(IllegalArgumentException.class, "timeout must not be negative", () -> c.join(NEGATIVE));
        assertMessage(NullPointerException.class, "timeout", () -> c.join(null));
        assertMessage(IllegalArgumentException.class, "timeout", () -> Coroutines.joinAll(NEGATIVE, List.of(c)));
        assertMessage(IllegalArgumentException.class, "timeout", () -> Coroutines.joinAllOrFail(NEGATIVE, List.of(c)));
        assertMessage(IllegalArgumentException.class, "timeout", () -> CoroutineScope.withTimeout(NEGATIVE));
        assertMessage(IllegalArgumentException.class, "timeout", () -> CoroutineScope.builder().timeout(NEGATIVE));
        assertMessage(NullPointerException.class, "timeout", () -> CoroutineScope.withTimeout(null));
        assertMessage(IllegalArgumentException.class, "timeout", () -> new Event().await(NEGATIVE));
        assertMessage(IllegalArgumentException.class, "timeout", () -> new WaitGroup().await(NEGATIVE));
        assertMessage(IllegalArgumentException.class, "delay", () -> Timers.after(NEGATIVE));
        assertMessage(IllegalArgumentException.class, "period must be positive", () -> Timers.ticker(Duration.ZERO));
        assertMessage(IllegalArgumentException.class, "period", () -> Timers.ticker(NEGATIVE));
        assertMessage(NullPointerException.class, "period", () -> Timers.ticker(null));
        c.join();
    }

    @Test
    void hugeTimeoutsMeanForever() throws Exception {
        Coroutine<Integer> c = Coroutines.spawn(() -> 1);
        assertTrue(c.join(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(List.of(c), Coroutines.joinAll(Duration.ofSeconds(Long.MAX_VALUE), List.of(c)));
        try (CoroutineScope s = CoroutineScope.withTimeout(Duration.ofSeconds(Long.MAX_VALUE))) {
            s.spawn(() -> 2);
        }
    }

    @Test
    void negativeWaitGroupCount() {
        WaitGroup wg = new WaitGroup();
        assertMessage(IllegalStateException.class, "negative", wg::done);
        assertMessage(IllegalStateException.class, "0 - 3 = -3", () -> wg.add(-3));
    }

    @Test
    void spawningIntoAClosedScope() throws Exception {
        CoroutineScope scope = CoroutineScope.open();
        scope.close();
        assertMessage(IllegalStateException.class, "closed scope", () -> scope.spawn(() -> 1));
        assertMessage(IllegalStateException.class, "closed scope", () -> scope.spawn("x", (Runnable) () -> { }));
    }

    @Test
    void badCollections() {
        assertMessage(NullPointerException.class, "coroutines", () -> Coroutines.gather((List<Coroutine<Object>>) null));
        assertMessage(NullPointerException.class, "index 1",
                () -> Coroutines.gather(Arrays.asList(Coroutines.spawn(() -> 1), null)));
        assertMessage(IllegalArgumentException.class, "at least one", () -> Coroutines.awaitAny(List.<Coroutine<Object>>of()));
        assertMessage(NullPointerException.class, "index 0",
                () -> Coroutines.joinAll(Duration.ZERO, Arrays.asList((Coroutine<?>) null)));
    }

    @Test
    void negativeGeneratorCapacity() {
        assertMessage(IllegalArgumentException.class, "capacity must be >= 0, was -2", () -> Coroutines.produce(-2, out -> { }));
    }

    @Test
    void refusingFactoryOrExecutorIsARejectedExecution() throws Exception {
        assertMessage(RejectedExecutionException.class, "no thread",
                () -> Coroutines.spawner(r -> null).spawn(() -> 1));
        Executor refusing = r -> {
            throw new RejectedExecutionException("full");
        };
        assertMessage(RejectedExecutionException.class, "full", () -> Coroutines.spawner(refusing).spawn(() -> 1));
        // in a scope, the refused coroutine is done (failed) and the scope reports it as well
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> {
            try (CoroutineScope s = CoroutineScope.builder().executor(refusing).open()) {
                assertThrows(RejectedExecutionException.class, () -> s.spawn(() -> 1));
                assertEquals(0, s.activeCount());
            }
        });
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
    }
}
