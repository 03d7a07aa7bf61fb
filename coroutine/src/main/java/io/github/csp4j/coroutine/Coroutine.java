package io.github.csp4j.coroutine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The handle of a coroutine: a body running on a thread of its own (by default a virtual thread),
 * and what became of it. gevent's {@code Greenlet}, asyncio's {@code Task}, a Go goroutine with a
 * handle. Spawn one with {@link Coroutines#spawn(java.util.concurrent.Callable)} (standalone) or
 * {@link CoroutineScope#spawn(java.util.concurrent.Callable)} (owned by a scope).
 *
 * <pre>{@code
 * Coroutine<String> page = Coroutines.spawn("fetch", () -> fetch(url));
 * ...
 * String body = page.result();   // waits; rethrows a failure as CoroutineFailedException
 * }</pre>
 *
 * <h2>Life cycle</h2>
 * A coroutine is {@link State#RUNNING} from spawn until its body exits, and then
 * {@linkplain #isDone() done} in exactly one of three ways:
 * <ul>
 *   <li>{@link State#SUCCEEDED}: the body returned; {@link #result()} gives the value
 *       ({@code null} for a {@link Runnable} body).</li>
 *   <li>{@link State#FAILED}: the body threw; {@link #result()} throws
 *       {@link CoroutineFailedException} whose cause is what the body threw, and
 *       {@link #failure()} gives it.</li>
 *   <li>{@link State#CANCELLED}: {@link #cancel()} was called before the body exited, whatever the
 *       body did afterwards; {@link #result()} throws {@link CancellationException}, whose cause
 *       is what the body threw when it stopped (typically the {@link InterruptedException} that
 *       cancellation caused), if anything.</li>
 * </ul>
 * Done means the body has exited: {@link #join()} never returns while the body still runs, so a
 * cancelled coroutine is joined only once it has actually stopped.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel()} interrupts the coroutine's thread, which makes every blocking call in this
 * library (channel send and receive, join, {@link Event#await()}, {@link WaitGroup#await()}) and in
 * the JDK ({@link Thread#sleep}, locks, queues) throw {@link InterruptedException}; it also cancels
 * the {@linkplain CoroutineScope scopes} the coroutine has open, and so their coroutines. A body
 * that catches the interrupt and carries on has declined to stop: it stays running (yet will count
 * as cancelled once it exits). Cancelling a coroutine that has not started yet completes it at
 * once, without running the body.
 *
 * <h2>Failures are never silent</h2>
 * When a coroutine fails and, at that moment, nobody is there to take the failure, it is handed to
 * the {@linkplain Thread#getUncaughtExceptionHandler() uncaught-exception handler} of the
 * coroutine's thread, as an exception escaping a plain thread would be. Someone takes it when, at
 * the moment the body exits:
 * <ul>
 *   <li>a thread is waiting in {@link #join()}, {@link #join(Duration)} or {@link #result()}; or</li>
 *   <li>a combinator that reports failures is waiting on it ({@link Coroutines#gather},
 *       {@link Coroutines#awaitAny}, {@link Coroutines#joinAllOrFail}); or</li>
 *   <li>it belongs to a (non-supervisor) {@link CoroutineScope}, which throws it from
 *       {@link CoroutineScope#close()}; or</li>
 *   <li>it is a {@linkplain Coroutines#produce generator}, whose channel is closed with it.</li>
 * </ul>
 * Otherwise (nobody waiting yet, a {@linkplain CoroutineScope#openSupervisor() supervisor} scope,
 * {@link Coroutines#joinAll}) the handler gets it; a later {@link #result()} still throws it. This
 * rule is decided once, atomically, when the body exits; it costs nothing per coroutine.
 * Cancelled coroutines are not failures and are never reported. The default handler of a virtual
 * thread prints the stack trace to {@code System.err}; supply a thread factory with your own
 * handler (see {@link CoroutineScopeBuilder#threadFactory}) to route failures elsewhere.
 *
 * <h2>Threads</h2>
 * All methods may be called from any thread, virtual or platform. Waiting methods park (they never
 * hold a monitor), and answer {@link Thread#interrupt()} with {@link InterruptedException}; being
 * interrupted while joining does not cancel the coroutine that was being joined.
 *
 * @param <T> the type of the result
 */
public sealed interface Coroutine<T> permits CoroutineTask {

    /** What became of a coroutine; see the class comment. */
    enum State {
        /** Spawned and not done yet (possibly not started yet, possibly cancelled but still stopping). */
        RUNNING,
        /** The body returned. */
        SUCCEEDED,
        /** The body threw (and the coroutine was not cancelled). */
        FAILED,
        /** The coroutine was cancelled before its body exited. */
        CANCELLED
    }

    /** Returns the name given at spawn, or {@code ""} if none was given. */
    String name();

    /**
     * Waits until the coroutine is done (its body has exited), however it ended. Does not throw
     * the coroutine's failure; see {@link #result()} for that. gevent's {@code Greenlet.join()}.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting (the
     *     coroutine is not affected)
     */
    void join() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the coroutine to be done. gevent's
     * {@code Greenlet.join(timeout)}.
     *
     * @return {@code true} if it is done, {@code false} if the timeout passed first
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    boolean join(Duration timeout) throws InterruptedException;

    /**
     * Waits until the coroutine is done and returns its result: asyncio's {@code await task},
     * gevent's {@code Greenlet.get()}.
     *
     * @return what the body returned ({@code null} for a {@link Runnable} body)
     * @throws CoroutineFailedException if the body threw; the cause is what it threw
     * @throws CancellationException if the coroutine was cancelled; the cause, if any, is what
     *     the body threw when it stopped
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    T result() throws InterruptedException;

    /**
     * Returns the result without waiting: {@link java.util.concurrent.Future#resultNow()}.
     *
     * @throws IllegalStateException if the coroutine is not done yet
     * @throws CoroutineFailedException if the body threw; the cause is what it threw
     * @throws CancellationException if the coroutine was cancelled
     */
    T resultNow();

    /**
     * Returns what the body threw, if the coroutine {@link State#FAILED}; empty while it runs,
     * when it succeeded and when it was cancelled. Does not wait. asyncio's
     * {@code Task.exception()}, gevent's {@code Greenlet.exception}.
     */
    Optional<Throwable> failure();

    /** Returns the current state; see {@link State}. Does not wait. */
    State state();

    /** Returns whether the body has exited (succeeded, failed or cancelled). */
    boolean isDone();

    /**
     * Returns whether {@link #cancel()} took effect: true from that call on, also while the body
     * is still stopping (then {@link #isDone()} is still false).
     */
    boolean isCancelled();

    /**
     * Cancels the coroutine: interrupts its thread and cancels the scopes it has open. Does not
     * wait for it to stop; {@link #join()} does. A coroutine not started yet is done at once,
     * without running its body. Idempotent. asyncio's {@code Task.cancel()}, gevent's
     * {@code Greenlet.kill(block=False)}.
     *
     * @return {@code true} if this call cancelled it, {@code false} if it was already done or
     *     already cancelled
     */
    boolean cancel();
}
