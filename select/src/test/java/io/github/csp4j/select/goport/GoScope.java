package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.ChannelInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The goroutines of one Go port: {@link #go} starts a virtual thread and remembers it;
 * {@link #close()} tears them all down and reports what went wrong.
 *
 * <p>Go's test programs simply exit with goroutines still blocked (a prime sieve or a power
 * series network runs forever). Here {@code close()} stops new goroutines from starting,
 * interrupts every one still running until all have ended, and fails if one does not end
 * within {@link GoSupport#DEADLINE}: a goroutine that ignores interrupts while blocked in a
 * channel operation is a bug. An exception thrown by a goroutine (other than the interrupt used
 * for teardown) fails the test, as a panic ends a Go program.
 */
final class GoScope implements AutoCloseable {
    /** A goroutine's body. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>(); // guarded by this
    private boolean stopping; // guarded by this
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** Starts {@code body} on a new virtual thread (Go's {@code go body()}); ignored once closing. */
    void go(Body body) {
        Thread t = Thread.ofVirtual().unstarted(() -> {
            try {
                body.run();
            } catch (InterruptedException | ChannelInterruptedException e) {
                if (!isStopping()) {
                    failures.add(e);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        synchronized (this) {
            if (stopping) {
                return;
            }
            threads.add(t);
            t.start();
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** The number of goroutines started so far. */
    synchronized int started() {
        return threads.size();
    }

    /** Fails now if a goroutine failed. */
    void checkFailures() {
        Throwable f = failures.peek();
        if (f != null) {
            AssertionError e = new AssertionError("a goroutine failed: " + f, f);
            failures.stream().skip(1).limit(5).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Waits (without interrupting) for every goroutine started so far to end; fails on a deadline or a failure. */
    void joinAll() throws InterruptedException {
        List<Thread> all;
        synchronized (this) {
            all = new ArrayList<>(threads);
        }
        GoSupport.join(all.toArray(Thread[]::new));
        checkFailures();
    }

    /** Interrupts every goroutine until all have ended; fails if one does not end in time or one failed. */
    @Override
    public void close() {
        try {
            stopAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while tearing the goroutines down", e);
        }
        checkFailures();
    }

    private void stopAll() throws InterruptedException {
        List<Thread> all;
        synchronized (this) {
            stopping = true;
            all = new ArrayList<>(threads);
        }
        long deadline = System.nanoTime() + GoSupport.DEADLINE.toNanos();
        for (Thread t : all) {
            while (t.isAlive()) {
                t.interrupt();
                if (t.join(Duration.ofMillis(10))) {
                    break;
                }
                if (System.nanoTime() - deadline > 0) {
                    fail(t + " did not end after interrupts within " + GoSupport.DEADLINE + "\n" + GoSupport.threadDump());
                }
            }
        }
    }
}
