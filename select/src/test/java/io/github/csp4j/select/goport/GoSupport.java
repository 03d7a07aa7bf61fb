package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.testkit.VirtualThreadDumpOnTimeout;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers shared by the Go ports: waiting for a condition with a deadline (never a sleep), and
 * observing how many parties wait on a channel.
 *
 * <p>Go's test programs often use {@code time.Sleep} or {@code runtime.Gosched} to "make sure"
 * a goroutine is queued on a channel first. We wait for the fact itself instead: a channel's
 * {@code toString()} reports its waiting receivers and senders (for a rendezvous channel from
 * volatile counters, for the others under the channel lock), so that a test can wait until a
 * receiver really is queued before it goes on.
 */
final class GoSupport {
    /** How long any single wait in a Go port may take before the test fails. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final Pattern WAITING_RECEIVERS = Pattern.compile("waiting receivers=(\\d+)");
    private static final Pattern WAITING_SENDERS = Pattern.compile("waiting senders=(\\d+)");

    private GoSupport() {
    }

    /** Waits until {@code condition} holds, spinning and yielding; fails after {@link #DEADLINE}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (int i = 0; !condition.getAsBoolean(); i++) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + DEADLINE + " waiting for: " + what + "\n" + threadDump());
            }
            if (i < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** The number of receivers queued on {@code ch}, as its {@code toString()} reports it. */
    static int waitingReceivers(Channel<?> ch) {
        return count(WAITING_RECEIVERS, ch);
    }

    /** The number of senders queued on {@code ch}, as its {@code toString()} reports it. */
    static int waitingSenders(Channel<?> ch) {
        return count(WAITING_SENDERS, ch);
    }

    /** Waits until exactly {@code n} receivers (or select receive clauses) are queued on {@code ch}. */
    static void awaitWaitingReceivers(Channel<?> ch, int n) {
        await(n + " waiting receivers on " + ch, () -> waitingReceivers(ch) == n);
    }

    /** Waits until exactly {@code n} senders (or select send clauses) are queued on {@code ch}. */
    static void awaitWaitingSenders(Channel<?> ch, int n) {
        await(n + " waiting senders on " + ch, () -> waitingSenders(ch) == n);
    }

    /** Waits until {@code t} is parked (WAITING or TIMED_WAITING). */
    static void awaitParked(Thread t) {
        await(t + " parked", () -> {
            Thread.State s = t.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        });
    }

    /** Joins every thread, failing (with a dump of all threads) if one is still alive after {@link #DEADLINE}. */
    static void join(Thread... threads) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (Thread t : threads) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!t.join(Duration.ofNanos(left))) {
                fail(t + " did not finish within " + DEADLINE + "\n" + threadDump());
            }
        }
    }

    /** A dump of all threads, virtual ones included, for failure messages. */
    static String threadDump() {
        try {
            return VirtualThreadDumpOnTimeout.dumpAllThreads();
        } catch (Exception e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static int count(Pattern p, Channel<?> ch) {
        String s = ch.toString();
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new AssertionError("channel toString() no longer reports waiters: " + s);
        }
        return Integer.parseInt(m.group(1));
    }
}
