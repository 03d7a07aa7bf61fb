package io.github.csp4j.coroutine;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits for a collection of coroutines (or any tasks) to finish: Go's {@code sync.WaitGroup}.
 * Call {@link #add(int)} before starting the work, {@link #done()} when each piece ends, and
 * {@link #await()} to wait until the counter is zero.
 *
 * <pre>{@code
 * WaitGroup wg = new WaitGroup();
 * for (String url : urls) {
 *     wg.add(1);
 *     Coroutines.spawn(() -> { try { fetch(url); } finally { wg.done(); } });
 * }
 * wg.await();
 * }</pre>
 *
 * <p>As in Go, a counter that would become negative is an error: {@link #add(int)} and
 * {@link #done()} then throw {@link IllegalStateException} naming the count, and leave the counter
 * unchanged. A wait group may be reused once its counter is back to zero. All methods may be
 * called from any thread; waiting parks and answers {@link Thread#interrupt()} with
 * {@link InterruptedException}.
 *
 * <p>Within one block of code, a {@link CoroutineScope} does the same job and also handles
 * failures; a wait group is for counting work that is not structured that way.
 */
public final class WaitGroup {
    /*
     * Implementation notes.
     *
     * A lock, a condition signalled when the counter reaches zero, and a volatile copy of the
     * counter so that await() on a zero counter and count() take no lock. Changes are made under
     * the lock, so a negative result is detected before it is visible.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    private volatile long count;

    /** Creates a wait group with a zero counter. */
    public WaitGroup() {
    }

    /**
     * Adds {@code delta} (which may be negative) to the counter; reaching zero wakes every waiter.
     *
     * @throws IllegalStateException if the counter would become negative (it is left unchanged)
     */
    public void add(int delta) {
        lock.lock();
        try {
            long n = count + delta;
            if (n < 0) {
                throw new IllegalStateException("WaitGroup counter would become negative: " + count
                        + (delta < 0 ? " - " + -(long) delta : " + " + delta) + " = " + n);
            }
            count = n;
            if (n == 0) {
                zero.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Decrements the counter by one.
     *
     * @throws IllegalStateException if the counter is zero (done called more often than added)
     */
    public void done() {
        add(-1);
    }

    /**
     * Waits until the counter is zero (returns at once if it is).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        if (count == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                zero.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} for the counter to be zero.
     *
     * @return {@code true} if it is zero, {@code false} if the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long nanos = Durations.toNanos(timeout, "timeout");
        if (count == 0) {
            return true;
        }
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                if (nanos <= 0L) {
                    return false;
                }
                nanos = zero.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the counter (a snapshot). */
    public long count() {
        return count;
    }

    @Override
    public String toString() {
        return "WaitGroup[count=" + count + "]";
    }
}
