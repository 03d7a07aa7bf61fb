package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.spi.Waiter;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A (possibly blocking) call running on its own virtual or platform thread, for tests that need
 * a party waiting on a channel. {@link #awaitBlocked()} waits until the thread is parked inside a
 * channel operation (thread state WAITING/TIMED_WAITING, parked on a channel {@link Waiter}),
 * which also means it is registered as a waiter: that is how tests order waiters without sleeping.
 *
 * @param <T> the call's result type
 */
final class Async<T> {
    /** How long any test waits for a thread to block or finish before failing. */
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** A call that may throw. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /** The kind of thread the call runs on. */
    enum Flavour {
        VIRTUAL, PLATFORM;

        Thread.Builder builder() {
            return this == VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        }
    }

    private final Thread thread;
    private volatile boolean done;
    private volatile T result;
    private volatile Throwable failure;
    private volatile boolean interruptedAtEnd;

    private Async(Flavour flavour, Call<T> call) {
        this.thread = flavour.builder().unstarted(() -> {
            try {
                result = call.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                interruptedAtEnd = Thread.currentThread().isInterrupted();
                done = true;
            }
        });
    }

    static <T> Async<T> start(Flavour flavour, Call<T> call) {
        Async<T> a = new Async<>(flavour, call);
        a.thread.start();
        return a;
    }

    static <T> Async<T> virtual(Call<T> call) {
        return start(Flavour.VIRTUAL, call);
    }

    /** Starts {@code call} and waits until it is parked in a channel. */
    static <T> Async<T> blocked(Flavour flavour, Call<T> call) {
        return start(flavour, call).awaitBlocked();
    }

    /** Starts {@code call} on a virtual thread and waits until it is parked in a channel. */
    static <T> Async<T> blocked(Call<T> call) {
        return blocked(Flavour.VIRTUAL, call);
    }

    /** Starts a {@code send(e)} and waits until it is parked in the channel. */
    static Async<Void> blockedSend(Flavour flavour, Channel<Integer> ch, int e) {
        return blocked(flavour, () -> {
            ch.send(e);
            return null;
        });
    }

    /** Starts a {@code receive()} and waits until it is parked in the channel. */
    static Async<Integer> blockedReceive(Flavour flavour, Channel<Integer> ch) {
        return blocked(flavour, ch::receive);
    }

    Thread thread() {
        return thread;
    }

    /** Waits until the thread is parked on a channel waiter; fails if it ends or the deadline passes. */
    Async<T> awaitBlocked() {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (int i = 0; ; i++) {
            Thread.State s = thread.getState();
            if ((s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)
                    && LockSupport.getBlocker(thread) instanceof Waiter) {
                return this;
            }
            if (done) {
                fail("expected the call to block, but it ended with " + (failure != null ? failure : result));
            }
            if (System.nanoTime() - deadline > 0) {
                fail("the call did not block within " + DEADLINE + ", state " + s);
            }
            backOff(i);
        }
    }

    /** Waits for the call to end; returns whether it ended within the deadline. */
    boolean join(Duration timeout) {
        try {
            return thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining", e);
        }
    }

    private void awaitDone() {
        if (!join(DEADLINE)) {
            fail("the call did not end within " + DEADLINE + " (thread state " + thread.getState() + ")");
        }
    }

    /** Waits for the call and returns its result; fails if it threw. */
    T get() {
        awaitDone();
        if (failure != null) {
            throw new AssertionError("the call failed", failure);
        }
        return result;
    }

    /** Waits for the call and returns what it threw, which must be a {@code type}. */
    <X extends Throwable> X failure(Class<X> type) {
        awaitDone();
        if (failure == null) {
            fail("expected " + type.getSimpleName() + ", but the call returned " + result);
        }
        return assertInstanceOf(type, failure);
    }

    /** Whether the call has ended. */
    boolean isDone() {
        return done;
    }

    /** The thread's interrupt status when the call ended (valid once ended). */
    boolean interruptedAtEnd() {
        awaitDone();
        return interruptedAtEnd;
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Polling back-off for waits on another thread's progress: yield first, then park briefly. */
    static void backOff(int attempt) {
        if (attempt < 100) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(100_000);
        }
    }
}
