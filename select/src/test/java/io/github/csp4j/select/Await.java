package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Waiting for a condition with a deadline, never with a fixed sleep: the condition is polled
 * (spinning, then yielding) until it holds or {@link #DEADLINE} passes, which fails the test.
 */
final class Await {
    /** How long any single wait in a test may take before the test fails. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private Await() {
    }

    static void until(Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (int i = 0; !condition.getAsBoolean(); i++) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + DEADLINE + " waiting until " + what.get());
            }
            if (i < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Until {@code ch} reports exactly these numbers of waiting receivers and senders. */
    static void waiters(Channel<?> ch, int receivers, int senders) {
        String expected = "waiting receivers=" + receivers + ", waiting senders=" + senders;
        until(() -> ch + " shows " + expected, () -> ch.toString().contains(expected));
    }

    /** Until {@code t} is parked (WAITING or TIMED_WAITING), e.g. blocked in a select. */
    static void parked(Thread t) {
        until(() -> t + " is parked; it is " + t.getState() + " at " + stack(t), () -> {
            Thread.State s = t.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        });
    }

    /** Joins {@code t} within the deadline, failing with its stack otherwise. */
    static void join(Thread t) throws InterruptedException {
        if (!t.join(DEADLINE)) {
            fail(t + " did not finish within " + DEADLINE + "; it is at " + stack(t));
        }
    }

    static String stack(Thread t) {
        return Arrays.stream(t.getStackTrace()).map(String::valueOf).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
