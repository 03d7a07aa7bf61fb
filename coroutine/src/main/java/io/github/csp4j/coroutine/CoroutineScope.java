package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scope that owns the coroutines spawned in it: structured concurrency. Kotlin's
 * {@code coroutineScope} / {@code supervisorScope} / {@code withTimeout}, Trio's nursery,
 * Java's {@code StructuredTaskScope} (without its preview API), Go's {@code errgroup} with a
 * {@code context}.
 *
 * <pre>{@code
 * try (CoroutineScope scope = CoroutineScope.withTimeout(Duration.ofSeconds(5))) {
 *     Coroutine<User> user = scope.spawn(() -> loadUser(id));
 *     Coroutine<List<Order>> orders = scope.spawn(() -> loadOrders(id));
 *     scope.spawn(() -> audit(id));
 * }   // waits for all three; if one fails, the others are cancelled and close() throws
 * }</pre>
 *
 * <p>{@link #run(Block)} is the same with a block instead of a try statement; prefer it when the
 * block itself may throw, since it then cancels the coroutines (a try-with-resources
 * {@code close()} cannot see the block's exception and waits for them as usual).
 *
 * <h2>Closing waits</h2>
 * {@link #close()} (the end of the try-with-resources block) waits until every coroutine spawned
 * in the scope is done, including coroutines spawned by those coroutines while it waits. Only
 * then is the scope closed; spawning into a closed scope is an {@link IllegalStateException}.
 * The scope must be closed by the thread that opened it; scopes opened on one thread close in
 * reverse order, as try-with-resources blocks do.
 *
 * <h2>Failures</h2>
 * When a coroutine of the scope fails, the scope cancels all the others (and its nested scopes),
 * and {@link #close()}, once they are all done, throws {@link CoroutineFailedException} with the
 * first failure as its cause and the later ones as {@linkplain Throwable#getSuppressed()
 * suppressed}. Failures of a scope's coroutines are reported there and never go to the
 * uncaught-exception handler. A coroutine that is cancelled is not a failure.
 *
 * <p>A {@linkplain #openSupervisor() supervisor} scope lets the others run on: a failure cancels
 * nothing, {@link #close()} does not throw it, and (unless someone was joining that coroutine) it
 * goes to the uncaught-exception handler of the coroutine's thread, as for a standalone coroutine.
 * Kotlin's {@code supervisorScope}.
 *
 * <h2>Timeout</h2>
 * A scope opened with a timeout ({@link #withTimeout(Duration)}) is cancelled when the timeout
 * passes, and its {@link #close()} then throws {@link ScopeTimeoutException} (with failures that
 * came after the deadline suppressed), unless a failure came first, which is thrown instead. The
 * code in the try block itself is not interrupted: only the coroutines. The deadline is one entry
 * in a shared timer queue, removed when the scope closes.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel()} cancels every coroutine in the scope (interrupting them), and every scope
 * nested in it: scopes opened in the try block of this one, and scopes opened by its coroutines
 * (which are cancelled with their coroutine). Coroutines spawned into a cancelled scope are
 * cancelled at once, without running. An explicit {@code cancel()} is not an error: {@link #close()}
 * still waits for the coroutines to stop and throws only if some failed (use it to stop the rest
 * once you have what you need). Cancelling a coroutine whose body has scopes open cancels those
 * scopes.
 *
 * <h2>Interrupts</h2>
 * If the thread waiting in {@link #close()} is interrupted, the scope is cancelled, {@code close}
 * still waits for its coroutines to stop (so that none outlives the scope), and then throws
 * {@link InterruptedException}, with any failures suppressed. A coroutine that ignores its
 * interrupt keeps {@code close} waiting: structure is never broken.
 *
 * <h2>Threads</h2>
 * Coroutines run on virtual threads, or on threads from a {@link java.util.concurrent.ThreadFactory}
 * or tasks of an {@link java.util.concurrent.Executor} given to {@link #builder()}. Any thread
 * may spawn into a scope it can reach (the owner, its coroutines, others).
 */
public final class CoroutineScope implements Spawner, AutoCloseable {
    /*
     * Implementation notes.
     *
     * Children form an intrusive doubly linked list (CoroutineTask.prev/next) guarded by "lock",
     * with "active" counting them, so that a child costs no extra node; a child unlinks itself
     * when done (childCompleted, on its own thread). close() waits on the "idle" condition until
     * active == 0 and marks the scope closed in the same critical section, so a spawn either
     * lands before (and is waited for) or fails with IllegalStateException.
     *
     * cancelInternal marks the scope cancelled under the lock, snapshots the children and cancels
     * them outside the lock (a child that had not started completes at once and re-enters
     * childCompleted; the lock is reentrant anyway). Then it cancels the scope nested on the
     * owner's thread ("inner"). "inner" and "cancelled" are both volatile and written/read in
     * opposite orders by adoptInner and cancelInternal, so a nested scope opened concurrently with
     * a cancel is always cancelled. Scopes opened by coroutines are reached through
     * ScopeRegistry when the coroutine is cancelled.
     *
     * Failures are recorded in completion order; "failuresAtTimeout" remembers how many came
     * before the deadline, which decides whether close() throws the failure or the timeout.
     */
    private final String name;
    private final boolean supervisor;
    private final Launcher launcher;
    private final Duration timeout;
    private final Thread owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final CompletionListener childListener = this::childCompleted;

    private final CoroutineScope enclosing;
    private volatile ScheduledFuture<?> deadlineTask;
    private volatile CoroutineScope inner;
    private volatile boolean cancelled;

    // guarded by lock
    private CoroutineTask<?> head;
    private long active;
    private boolean closed;
    private boolean timedOut;
    private int failuresAtTimeout;
    private final List<Throwable> failures = new ArrayList<>(0);

    private CoroutineScope(String name, boolean supervisor, Launcher launcher, Duration timeout) {
        this.name = name;
        this.supervisor = supervisor;
        this.launcher = launcher;
        this.timeout = timeout;
        this.owner = Thread.currentThread();
        this.enclosing = ScopeRegistry.innermost(owner); // only the owner changes its own entry
    }

    /** Opens a scope as configured by a builder; the calling thread owns it. */
    static CoroutineScope open(String name, boolean supervisor, Launcher launcher, Duration timeout) {
        CoroutineScope s = new CoroutineScope(name, supervisor, launcher, timeout);
        if (timeout != null) {
            long nanos = Durations.toNanos(timeout, "timeout");
            if (nanos != Long.MAX_VALUE) {
                s.deadlineTask = Scheduler.schedule(s::onDeadline, nanos);
            }
        }
        ScopeRegistry.push(s.owner, s);
        if (s.enclosing != null) {
            s.enclosing.adoptInner(s);
        }
        return s;
    }

    /**
     * Opens a scope on virtual threads: a failure cancels the rest and {@link #close()} throws it.
     * Kotlin's {@code coroutineScope}.
     */
    public static CoroutineScope open() {
        return open(null, false, Launcher.VIRTUAL, null);
    }

    /**
     * Opens a supervisor scope on virtual threads: a failure cancels nothing and goes to the
     * uncaught-exception handler of the coroutine's thread; {@link #close()} only waits. Kotlin's
     * {@code supervisorScope}.
     */
    public static CoroutineScope openSupervisor() {
        return open(null, true, Launcher.VIRTUAL, null);
    }

    /**
     * Opens a scope on virtual threads that is cancelled when {@code timeout} passes, after which
     * {@link #close()} throws {@link ScopeTimeoutException}. Kotlin's {@code withTimeout}, Go's
     * {@code context.WithTimeout}.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static CoroutineScope withTimeout(Duration timeout) {
        Durations.toNanos(timeout, "timeout");
        return open(null, false, Launcher.VIRTUAL, timeout);
    }

    /**
     * Runs {@code block} in a new scope and returns its value once every coroutine it spawned is
     * done: Kotlin's {@code coroutineScope { }}, Trio's {@code async with open_nursery()}. Unlike
     * a try-with-resources block, whose {@link #close()} cannot see an exception thrown in the
     * block, a failing block cancels the scope's coroutines:
     * <ul>
     *   <li>The block returns: like {@link #close()}, waits for the coroutines and throws their
     *       first failure ({@link CoroutineFailedException}, later ones suppressed) or a
     *       {@link ScopeTimeoutException}; otherwise returns the block's value.</li>
     *   <li>The block throws: the scope is cancelled, the coroutines are waited for (none outlives
     *       the call), and the block's exception is rethrown with what closing reported (their
     *       failures, a timeout) attached as {@linkplain Throwable#getSuppressed() suppressed}.
     *       A {@link RuntimeException}, an {@link Error} or an {@link InterruptedException} is
     *       rethrown as it is; another checked exception is wrapped in a
     *       {@link CoroutineFailedException} whose cause it is.</li>
     * </ul>
     * The calling thread runs the block and owns the scope; scopes nest as with {@link #open()}.
     *
     * <pre>{@code
     * List<Page> pages = CoroutineScope.run(scope -> {
     *     List<Coroutine<Page>> fetches = urls.stream().map(u -> scope.spawn(() -> fetch(u))).toList();
     *     return Coroutines.gather(fetches); // if this throws, the other fetches are cancelled
     * });
     * }</pre>
     *
     * @throws NullPointerException if {@code block} is null
     * @throws InterruptedException if the block throws it, or the calling thread is interrupted
     *     while waiting for the coroutines (they were then cancelled and have stopped)
     * @see CoroutineScopeBuilder#run(Block)
     */
    public static <T> T run(Block<T> block) throws InterruptedException {
        return builder().run(block);
    }

    /**
     * The code of a {@link CoroutineScope#run} call: gets the scope to spawn into and returns a
     * value (or {@code null}).
     */
    @FunctionalInterface
    public interface Block<T> {
        /**
         * Runs on the calling thread, with the new scope open.
         *
         * @param scope the scope to spawn coroutines into
         * @return the value that {@link CoroutineScope#run} returns
         * @throws Exception anything; it cancels the scope's coroutines
         */
        T run(CoroutineScope scope) throws Exception;
    }

    /** Runs {@code block} in this just-opened scope, then closes it: {@link #run(Block)}. */
    <T> T runAndClose(Block<T> block) throws InterruptedException {
        T value;
        try {
            value = block.run(this);
        } catch (Throwable blockFailure) {
            cancelInternal(false);
            try {
                close();
            } catch (Throwable closing) {
                blockFailure.addSuppressed(closing);
            }
            throw rethrowable(blockFailure);
        }
        close();
        return value;
    }

    /** Throws a failed block's exception: unchecked ones and interrupts as they are, others wrapped. */
    private RuntimeException rethrowable(Throwable t) throws InterruptedException {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof InterruptedException ie) {
            throw ie;
        }
        throw new CoroutineFailedException("the block of " + this + " failed", t);
    }

    /** A builder for a scope with a name, a timeout, supervision, or other threads. */
    public static CoroutineScopeBuilder builder() {
        return new CoroutineScopeBuilder();
    }

    // ---- spawning -----------------------------------------------------------------------------

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the scope is closed
     */
    @Override
    public <T> Coroutine<T> spawn(Callable<? extends T> body) {
        return start(newTask(null, Objects.requireNonNull(body, "body")));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the scope is closed
     */
    @Override
    public <T> Coroutine<T> spawn(String name, Callable<? extends T> body) {
        Objects.requireNonNull(name, "name");
        return start(newTask(name, Objects.requireNonNull(body, "body")));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the scope is closed
     */
    @Override
    public Coroutine<Void> spawn(Runnable body) {
        return start(newTask(null, Objects.requireNonNull(body, "body")));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the scope is closed
     */
    @Override
    public Coroutine<Void> spawn(String name, Runnable body) {
        Objects.requireNonNull(name, "name");
        return start(newTask(name, Objects.requireNonNull(body, "body")));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the scope is closed
     */
    @Override
    public <T> ReceiveChannel<T> produce(Generator<T> generator) {
        return produce(0, generator);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The generator is a coroutine of this scope: closing the scope waits for it, cancelling
     * the scope cancels it, and (unless this is a supervisor scope) its failure fails the scope.
     *
     * @throws IllegalStateException if the scope is closed
     */
    @Override
    public <T> ReceiveChannel<T> produce(int capacity, Generator<T> generator) {
        return Generators.produce(capacity, generator, body -> newTask(null, body), this::start);
    }

    private <T> CoroutineTask<T> newTask(String name, Object body) {
        return new CoroutineTask<>(name, body, childListener);
    }

    private <T> CoroutineTask<T> start(CoroutineTask<T> task) {
        boolean cancelledNow;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("cannot spawn into a closed scope: " + this);
            }
            task.next = head;
            if (head != null) {
                head.prev = task;
            }
            head = task;
            active++;
            cancelledNow = cancelled;
        } finally {
            lock.unlock();
        }
        if (cancelledNow) {
            task.cancel(); // done at once, never runs
            return task;
        }
        try {
            launcher.launch(task);
        } catch (Throwable e) {
            task.failLaunch(e);
            throw e;
        }
        return task;
    }

    /** A child is done: unlink it, wake close(), record a failure and cancel the rest. */
    private boolean childCompleted(CoroutineTask<?> c) {
        Throwable failure = supervisor ? null : c.failureNow();
        lock.lock();
        try {
            CoroutineTask<?> p = c.prev;
            CoroutineTask<?> n = c.next;
            if (p == null) {
                head = n;
            } else {
                p.next = n;
            }
            if (n != null) {
                n.prev = p;
            }
            c.prev = null;
            c.next = null;
            if (--active == 0) {
                idle.signalAll();
            }
            if (failure != null) {
                failures.add(failure);
            }
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            cancelInternal(false);
        }
        return !supervisor;
    }

    // ---- cancellation -------------------------------------------------------------------------

    /**
     * Cancels the scope: every coroutine in it (interrupting them), every scope nested in it, and
     * every coroutine spawned into it from now on. Does not wait; {@link #close()} does. Not an
     * error: {@code close()} throws only if coroutines failed. Idempotent. Go's
     * {@code context.CancelFunc}, Kotlin's {@code CoroutineScope.cancel()}.
     *
     * @return {@code true} if this call cancelled the scope, {@code false} if it was already
     *     cancelled or is closed
     */
    public boolean cancel() {
        return cancelInternal(false);
    }

    /** Cancellation coming from outside: the enclosing scope, or the coroutine that opened this. */
    void cancelFromParent() {
        cancelInternal(false);
    }

    private void onDeadline() {
        // off the timer thread: cancelling may interrupt many coroutines
        try {
            Thread.ofVirtual().name("csp4j-scope-timeout").start(() -> cancelInternal(true));
        } catch (Throwable e) {
            cancelInternal(true);
        }
    }

    private boolean cancelInternal(boolean byDeadline) {
        List<CoroutineTask<?>> snapshot = new ArrayList<>();
        lock.lock();
        try {
            if (cancelled || closed) {
                return false;
            }
            cancelled = true;
            if (byDeadline) {
                timedOut = true;
                failuresAtTimeout = failures.size();
            }
            for (CoroutineTask<?> c = head; c != null; c = c.next) {
                snapshot.add(c);
            }
        } finally {
            lock.unlock();
        }
        for (CoroutineTask<?> c : snapshot) {
            c.cancel();
        }
        CoroutineScope in = inner;
        if (in != null) {
            in.cancelFromParent();
        }
        ScheduledFuture<?> d = deadlineTask;
        if (d != null && !byDeadline) {
            d.cancel(false);
        }
        return true;
    }

    /** A scope was opened on the owner's thread inside this one. */
    private void adoptInner(CoroutineScope s) {
        inner = s;
        if (cancelled) {
            s.cancelFromParent();
        }
    }

    CoroutineScope enclosing() {
        return enclosing;
    }

    // ---- closing ------------------------------------------------------------------------------

    /**
     * Waits until every coroutine of the scope is done, then closes it. Idempotent: closing a
     * closed scope does nothing.
     *
     * @throws CoroutineFailedException if coroutines failed (not in a supervisor scope): the cause
     *     is the first failure, the others are suppressed
     * @throws ScopeTimeoutException if the timeout passed first (failures after it suppressed)
     * @throws InterruptedException if the calling thread was interrupted while waiting; the scope
     *     was then cancelled and its coroutines have stopped
     * @throws WrongThreadException if called by a thread other than the one that opened the scope
     * @throws IllegalStateException if a scope opened inside this one on the same thread is still
     *     open (close scopes in reverse order; try-with-resources does)
     */
    @Override
    public void close() throws InterruptedException {
        Thread me = Thread.currentThread();
        if (me != owner) {
            throw new WrongThreadException("scope " + this + " was opened by " + owner
                    + " and must be closed by it, not by " + me);
        }
        boolean interrupted = false;
        Throwable toThrow;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            CoroutineScope innermost = ScopeRegistry.innermost(owner);
            if (innermost != this) {
                throw new IllegalStateException("scope " + this + " closed while a scope opened inside it, "
                        + innermost + ", is still open");
            }
            while (active > 0) {
                if (interrupted) {
                    idle.awaitUninterruptibly();
                } else {
                    try {
                        idle.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        lock.unlock();
                        try {
                            cancelInternal(false);
                        } finally {
                            lock.lock();
                        }
                    }
                }
            }
            closed = true;
            toThrow = outcomeLocked(interrupted);
        } finally {
            lock.unlock();
        }
        ScheduledFuture<?> d = deadlineTask;
        if (d != null) {
            d.cancel(false);
        }
        ScopeRegistry.pop(owner, this, enclosing);
        if (enclosing != null && enclosing.inner == this) {
            enclosing.inner = null;
        }
        if (toThrow instanceof InterruptedException ie) {
            Thread.interrupted(); // it is reported by the exception
            throw ie;
        } else if (toThrow != null) {
            throw (RuntimeException) toThrow;
        }
    }

    private Throwable outcomeLocked(boolean interrupted) {
        Throwable primary;
        int from;
        if (interrupted) {
            primary = new InterruptedException("interrupted while closing " + this
                    + "; it was cancelled and its coroutines have stopped");
            from = 0;
        } else if (!failures.isEmpty() && (!timedOut || failuresAtTimeout > 0)) {
            primary = new CoroutineFailedException("a coroutine of " + this + " failed", failures.get(0));
            from = 1;
        } else if (timedOut) {
            primary = new ScopeTimeoutException(this + " timed out after " + timeout
                    + "; its coroutines were cancelled", timeout);
            from = 0;
        } else {
            return null;
        }
        for (int i = from; i < failures.size(); i++) {
            primary.addSuppressed(failures.get(i));
        }
        return primary;
    }

    // ---- inspection ---------------------------------------------------------------------------

    /** Returns whether the scope was cancelled (explicitly, by a failure, its timeout or its parent). */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Returns whether the scope's timeout passed before it was cancelled otherwise or closed. */
    public boolean isTimedOut() {
        lock.lock();
        try {
            return timedOut;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether the scope is closed. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of coroutines of the scope that are not done (a snapshot). */
    public long activeCount() {
        lock.lock();
        try {
            return active;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether this is a supervisor scope. */
    public boolean isSupervisor() {
        return supervisor;
    }

    @Override
    public String toString() {
        return "CoroutineScope[" + (name != null ? name : "@" + Integer.toHexString(System.identityHashCode(this)))
                + (supervisor ? ", supervisor" : "") + (cancelled ? ", cancelled" : "") + "]";
    }
}
