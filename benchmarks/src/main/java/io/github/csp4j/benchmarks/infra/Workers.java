package io.github.csp4j.benchmarks.infra;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the threads of one benchmark invocation and joins them. When one of them fails, all the
 * others are interrupted, so that a broken implementation fails the benchmark instead of hanging it,
 * and {@link #joinAll()} rethrows the first failure.
 */
public final class Workers {

    /** A worker's body. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final Thread[] threads;
    private volatile int started;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Prepares for at most {@code capacity} threads. */
    public Workers(int capacity) {
        this.threads = new Thread[capacity];
    }

    /** Starts {@code task} on a new thread of {@code builder}. */
    public void start(Thread.Builder builder, Task task) {
        Thread t = builder.unstarted(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                if (failure.compareAndSet(null, e)) {
                    interruptAll();
                }
            }
        });
        int n = started;
        threads[n] = t;
        started = n + 1;
        t.start();
        if (failure.get() != null) {
            t.interrupt();
        }
    }

    /** Joins every started thread; rethrows the first failure, if any. */
    public void joinAll() throws InterruptedException {
        int n = started;
        for (int i = 0; i < n; i++) {
            threads[i].join();
            threads[i] = null;
        }
        started = 0;
        Throwable e = failure.getAndSet(null);
        if (e != null) {
            throw new IllegalStateException("a benchmark worker failed: " + e, e);
        }
    }

    private void interruptAll() {
        int n = started;
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
        }
    }
}
