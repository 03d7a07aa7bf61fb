package io.github.csp4j.coroutine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Configures a {@link CoroutineScope}; start from {@link CoroutineScope#builder()}. By default:
 * not a supervisor, no timeout, a virtual thread per coroutine.
 *
 * <pre>{@code
 * ThreadFactory workers = Thread.ofPlatform().name("worker-", 0).factory();
 * try (CoroutineScope scope = CoroutineScope.builder()
 *         .name("import")
 *         .timeout(Duration.ofMinutes(1))
 *         .threadFactory(workers)
 *         .open()) {
 *     ...
 * }
 * }</pre>
 */
public final class CoroutineScopeBuilder {
    private String name;
    private boolean supervisor;
    private Duration timeout;
    private Launcher launcher = Launcher.VIRTUAL;

    CoroutineScopeBuilder() {
    }

    /**
     * Names the scope (shown by its {@code toString()}, and so in its exceptions).
     *
     * @throws NullPointerException if {@code name} is null
     */
    public CoroutineScopeBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Makes it a supervisor scope: a failure cancels nothing; see {@link CoroutineScope}. */
    public CoroutineScopeBuilder supervisor() {
        this.supervisor = true;
        return this;
    }

    /**
     * Cancels the scope when {@code timeout} has passed since {@link #open()}; see
     * {@link CoroutineScope#withTimeout(Duration)}.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public CoroutineScopeBuilder timeout(Duration timeout) {
        Durations.toNanos(timeout, "timeout");
        this.timeout = timeout;
        return this;
    }

    /**
     * Runs each coroutine on a new thread from {@code factory} (for example platform threads, or
     * virtual threads with an uncaught-exception handler of your own). A coroutine's name, if
     * given, replaces the thread's name.
     *
     * @throws NullPointerException if {@code factory} is null
     */
    public CoroutineScopeBuilder threadFactory(ThreadFactory factory) {
        this.launcher = Launcher.of(factory);
        return this;
    }

    /**
     * Runs each coroutine as a task of {@code executor} (for example a fixed pool, to limit how
     * many run at once). A coroutine blocks its pool thread while it waits; a pool too small for
     * coroutines that wait on each other deadlocks. The executor must run each task on a thread
     * of its own, not in the caller's thread. A named coroutine lends its name to the pool thread
     * while it runs.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public CoroutineScopeBuilder executor(Executor executor) {
        this.launcher = Launcher.of(executor);
        return this;
    }

    /** Opens the scope; the calling thread owns it and must close it. */
    public CoroutineScope open() {
        return CoroutineScope.open(name, supervisor, launcher, timeout);
    }

    /**
     * Opens the scope, runs {@code block} in it on the calling thread, and closes it: see
     * {@link CoroutineScope#run(CoroutineScope.Block)}. A block that throws cancels the scope's
     * coroutines, also in a supervisor scope.
     *
     * @throws NullPointerException if {@code block} is null
     * @throws InterruptedException if the block throws it, or the calling thread is interrupted
     *     while waiting for the coroutines
     */
    public <T> T run(CoroutineScope.Block<T> block) throws InterruptedException {
        Objects.requireNonNull(block, "block");
        return open().runAndClose(block);
    }
}
