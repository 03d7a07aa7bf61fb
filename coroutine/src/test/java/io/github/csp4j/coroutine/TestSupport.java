package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/** Waiting for another thread to reach a blocking call, by polling its state with a deadline. */
final class TestSupport {
    private TestSupport() {
    }

    /** Waits until {@code t} is parked (WAITING or TIMED_WAITING) inside a method named {@code method}. */
    static void awaitBlockedIn(Thread t, String method) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State st = t.getState();
            if (st == Thread.State.WAITING || st == Thread.State.TIMED_WAITING) {
                for (StackTraceElement e : t.getStackTrace()) {
                    if (e.getMethodName().equals(method)) {
                        return;
                    }
                }
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        fail(t + " did not block in " + method + "; state " + t.getState());
    }
}
