package io.github.csp4j.coroutine;

import io.github.csp4j.channels.spi.Backoff;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

/**
 * The one implementation of {@link Coroutine}: the handle, and the {@link Runnable} that a thread
 * (or an executor) runs. One object per coroutine, no other allocation unless someone waits.
 *
 * <pre>
 * Implementation notes.
 *
 * State machine (field "state"), in the manner of java.util.concurrent.FutureTask:
 *
 *   NEW --run--> RUNNING --body exits--> SUCCEEDED | FAILED
 *    |              |
 *    |           cancel: CAS RUNNING->INTERRUPTING, interrupt the runner and cancel the scopes
 *    |              |    it owns, then state = CANCELLING (plain volatile write: nobody else
 *    |              v    writes from INTERRUPTING)
 *    |          CANCELLING --body exits--> CANCELLED
 *    +--cancel--> CANCELLED  (never started; run() then does nothing)
 *
 * The outcome (result or Throwable) is written before the volatile write/CAS that publishes a
 * terminal state, so a reader that sees a terminal state sees the outcome. When the body exits in
 * state INTERRUPTING, the completing thread waits (spin, yield, then park: {@link Backoff}) until
 * the canceller has delivered its interrupt, and then clears it, so that a cancellation interrupt never leaks past
 * the body into whatever the thread runs next (it matters for pooled executor threads). For the
 * same reason the canceller cancels the runner's scopes while still INTERRUPTING: the runner
 * cannot finish the body meanwhile, so the scopes found are the coroutine's own.
 *
 * Waiting parties form a Treiber stack ("waiters") of Completion nodes: parked joiners and
 * listeners (combinators). Completion swaps the stack for the DONE sentinel, wakes joiners and
 * fires listeners. A joiner that gives up nulls its node's target and then re-reads the state;
 * the completer writes the state and then reads targets: with both volatile, a joiner that the
 * completer counted as present always sees the coroutine done. Dead nodes are unlinked by a sweep
 * (FutureTask.removeWaiter) so that repeated timed joins cannot grow the stack.
 *
 * Failure reporting: the completer counts whether anybody took the failure (a joiner present, a
 * listener answering true, or the parent scope answering true). If nobody
 * did, it calls the current (= the coroutine's own) thread's uncaught-exception handler. This is
 * decided exactly once, by the single completing thread.
 *
 * The cost of a coroutine that nobody waits for is this object, two CASes (start, finish) and one
 * getAndSet; its thread's own termination is not used, which is what lets executors (pooled
 * threads) run coroutines too.
 * </pre>
 */
final class CoroutineTask<T> implements Coroutine<T>, Runnable {
    static final int NEW = 0;
    static final int RUNNING = 1;
    static final int INTERRUPTING = 2;
    static final int CANCELLING = 3;
    static final int SUCCEEDED = 4;
    static final int FAILED = 5;
    static final int CANCELLED = 6;

    /** Sentinel top of the waiters stack once done. */
    private static final Completion DONE = new Completion(null);

    private static final VarHandle STATE;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(CoroutineTask.class, "state", int.class);
            WAITERS = l.findVarHandle(CoroutineTask.class, "waiters", Completion.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    /** The owning scope's listener (or null): told last, after joiners and listeners. */
    private final CompletionListener parent;
    /** A Callable or a Runnable; cleared once started. */
    private Object body;
    /** The thread running the body: written before RUNNING is published, cleared when done. */
    private Thread runner;
    /** The value, or the Throwable; written before a terminal state is published. */
    private Object outcome;
    private volatile int state;
    private volatile Completion waiters;

    /** Links in the owning scope's list of live children; guarded by the scope's lock. */
    CoroutineTask<?> prev;
    CoroutineTask<?> next;

    CoroutineTask(String name, Object body, CompletionListener parent) {
        this.name = name;
        this.body = body;
        this.parent = parent;
    }

    // ---- running ------------------------------------------------------------------------------

    @Override
    public void run() {
        if (state != NEW) {
            return; // cancelled before it started (or a misbehaving executor ran it twice)
        }
        runner = Thread.currentThread();
        if (!STATE.compareAndSet(this, NEW, RUNNING)) {
            runner = null;
            return;
        }
        Object b = body;
        body = null;
        Object result = null;
        Throwable failure = null;
        try {
            if (b instanceof Callable<?> c) {
                result = c.call();
            } else {
                ((Runnable) b).run();
            }
        } catch (Throwable ex) {
            failure = ex;
        }
        complete(result, failure);
    }

    private void complete(Object result, Throwable failure) {
        for (int round = 0;; round++) {
            int s = state;
            if (s == RUNNING) {
                outcome = failure != null ? failure : result;
                if (STATE.compareAndSet(this, RUNNING, failure != null ? FAILED : SUCCEEDED)) {
                    break;
                }
            } else if (s == INTERRUPTING) {
                Backoff.awaitStep(round);
            } else { // CANCELLING: only this thread moves it on
                outcome = failure;
                state = CANCELLED;
                Thread.interrupted(); // the cancellation's interrupt must not outlive the body
                break;
            }
        }
        runner = null;
        finish(true);
    }

    /** The launcher could not start the body: fail without reporting (the spawner gets {@code ex}). */
    void failLaunch(Throwable ex) {
        body = null;
        outcome = ex;
        if (STATE.compareAndSet(this, NEW, FAILED)) {
            finish(false);
        }
    }

    /** Wakes joiners, fires listeners, tells the parent, and reports an untaken failure. */
    private void finish(boolean mayReport) {
        Completion h = (Completion) WAITERS.getAndSet(this, DONE);
        boolean taken = false;
        for (Completion n = h; n != null; n = n.next) {
            Object t = n.target;
            if (t instanceof Thread joiner) {
                taken = true;
                LockSupport.unpark(joiner);
            } else if (t != null && (t = n.claim()) != null) {
                taken |= fire((CompletionListener) t);
            }
        }
        if (parent != null) {
            taken |= fire(parent);
        }
        if (!taken && mayReport && state == FAILED) {
            Thread me = Thread.currentThread();
            try {
                me.getUncaughtExceptionHandler().uncaughtException(me, (Throwable) outcome);
            } catch (Throwable ignored) {
                // as for an exception escaping a thread: what the handler throws is ignored
            }
        }
    }

    private boolean fire(CompletionListener l) {
        try {
            return l.onComplete(this);
        } catch (Throwable e) {
            return false; // a listener is internal and must not throw; never let it stop the others
        }
    }

    // ---- cancel -------------------------------------------------------------------------------

    @Override
    public boolean cancel() {
        for (;;) {
            int s = state;
            if (s == NEW) {
                if (STATE.compareAndSet(this, NEW, CANCELLED)) {
                    body = null;
                    finish(false);
                    return true;
                }
            } else if (s == RUNNING) {
                if (STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
                    Thread t = runner;
                    try {
                        t.interrupt();
                        ScopeRegistry.cancelScopesOwnedBy(t);
                    } finally {
                        state = CANCELLING;
                    }
                    return true;
                }
            } else {
                return false;
            }
        }
    }

    // ---- waiting ------------------------------------------------------------------------------

    @Override
    public void join() throws InterruptedException {
        if (state < SUCCEEDED) {
            awaitDone(false, 0L);
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        long nanos = Durations.toNanos(timeout, "timeout");
        if (state >= SUCCEEDED) {
            return true;
        }
        if (nanos == Long.MAX_VALUE) {
            awaitDone(false, 0L);
            return true;
        }
        return nanos > 0 && awaitDone(true, System.nanoTime() + nanos);
    }

    @Override
    public T result() throws InterruptedException {
        if (state < SUCCEEDED) {
            awaitDone(false, 0L);
        }
        return outcomeOrThrow();
    }

    @Override
    public T resultNow() {
        if (state < SUCCEEDED) {
            throw new IllegalStateException("coroutine is not done yet: " + this);
        }
        return outcomeOrThrow();
    }

    /** Parks until done, or until the deadline when timed; returns whether done. */
    private boolean awaitDone(boolean timed, long deadline) throws InterruptedException {
        Completion node = null;
        boolean queued = false;
        for (;;) {
            if (state >= SUCCEEDED) {
                return true;
            }
            if (Thread.interrupted()) {
                if (queued) {
                    node.target = null;
                    sweep();
                }
                throw new InterruptedException();
            }
            if (node == null) {
                node = new Completion(Thread.currentThread());
            } else if (!queued) {
                Completion h = waiters;
                if (h != DONE) {
                    node.next = h;
                    queued = WAITERS.compareAndSet(this, h, node);
                }
            } else if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    node.target = null;
                    sweep();
                    return state >= SUCCEEDED;
                }
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }

    /**
     * Subscribes {@code l} to this coroutine's completion.
     *
     * @return the node (give it to {@link #unsubscribe}), or {@code null} if already done, in
     *     which case {@code l} is not called
     */
    Completion subscribe(CompletionListener l) {
        Completion node = new Completion(l);
        for (;;) {
            Completion h = waiters;
            if (h == DONE) {
                return null;
            }
            node.next = h;
            if (WAITERS.compareAndSet(this, h, node)) {
                return node;
            }
        }
    }

    /** Withdraws a listener; returns {@code true} if it was withdrawn before it fired. */
    boolean unsubscribe(Completion node) {
        if (node.claim() == null) {
            return false;
        }
        sweep();
        return true;
    }

    /** Unlinks nodes whose target is gone (FutureTask.removeWaiter). */
    private void sweep() {
        retry:
        for (;;) {
            for (Completion pred = null, q = waiters, s; q != null && q != DONE; q = s) {
                s = q.next;
                if (q.target != null) {
                    pred = q;
                } else if (pred != null) {
                    pred.next = s;
                    if (pred.target == null) { // pred died meanwhile: start over
                        continue retry;
                    }
                } else if (!WAITERS.compareAndSet(this, q, s)) {
                    continue retry;
                }
            }
            return;
        }
    }

    // ---- inspection ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private T outcomeOrThrow() {
        int s = state;
        if (s == SUCCEEDED) {
            return (T) outcome;
        }
        if (s == FAILED) {
            throw new CoroutineFailedException("coroutine failed: " + this, (Throwable) outcome);
        }
        throw cancellationException();
    }

    /** The exception that tells that this (cancelled) coroutine was cancelled. */
    CancellationException cancellationException() {
        CancellationException e = new CancellationException("coroutine was cancelled: " + this);
        if (outcome instanceof Throwable t) {
            e.initCause(t);
        }
        return e;
    }

    /** Whether a joiner or listener is registered (for tests). */
    boolean hasWaiters() {
        Completion h = waiters;
        return h != null && h != DONE;
    }

    /** The raw state, for the package. */
    int rawState() {
        return state;
    }

    /** The failure of a FAILED coroutine; for the package. */
    Throwable failureNow() {
        return state == FAILED ? (Throwable) outcome : null;
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failureNow());
    }

    @Override
    public State state() {
        return switch (state) {
            case SUCCEEDED -> State.SUCCEEDED;
            case FAILED -> State.FAILED;
            case CANCELLED -> State.CANCELLED;
            default -> State.RUNNING;
        };
    }

    @Override
    public boolean isDone() {
        return state >= SUCCEEDED;
    }

    @Override
    public boolean isCancelled() {
        int s = state;
        return s == INTERRUPTING || s == CANCELLING || s == CANCELLED;
    }

    @Override
    public String name() {
        return Objects.requireNonNullElse(name, "");
    }

    /** The name given at spawn, or {@code null}. */
    String nameOrNull() {
        return name;
    }

    @Override
    public String toString() {
        int s = state;
        String st = switch (s) {
            case NEW -> "NEW";
            case RUNNING -> "RUNNING";
            case INTERRUPTING, CANCELLING -> "CANCELLING";
            case SUCCEEDED -> "SUCCEEDED";
            case FAILED -> "FAILED(" + outcome + ")";
            default -> "CANCELLED";
        };
        return "Coroutine[" + (name == null ? "@" + Integer.toHexString(System.identityHashCode(this)) : name)
                + ", " + st + "]";
    }
}
