package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Standalone coroutines and the ways to wait for several: the gevent and asyncio toolbox, the Go
 * way. {@code spawn} is gevent's {@code spawn}, asyncio's {@code create_task}, Go's {@code go};
 * {@link #joinAll} is {@code gevent.joinall}; {@link #gather} is {@code asyncio.gather};
 * {@link #awaitAny} is a race; {@link #produce} is a generator.
 *
 * <pre>{@code
 * Coroutine<Integer> a = Coroutines.spawn(() -> slowSquare(3));
 * Coroutine<Integer> b = Coroutines.spawn(() -> slowSquare(4));
 * List<Integer> squares = Coroutines.gather(a, b);        // [9, 16]
 *
 * ReceiveChannel<Integer> naturals = Coroutines.produce(out -> {
 *     for (int i = 0; ; i++) out.send(i);
 * });
 * naturals.receive(); naturals.receive(); naturals.cancel(); // 0, 1, then the generator stops
 * }</pre>
 *
 * <p>Coroutines spawned here belong to no scope: nobody waits for them unless you do, and a
 * failure that nobody is waiting for when it happens goes to the uncaught-exception handler of the
 * coroutine's thread (see {@link Coroutine}). For coroutines that must not outlive a block of
 * code, use a {@link CoroutineScope}.
 *
 * <p>All waiting methods answer {@link Thread#interrupt()} with {@link InterruptedException};
 * timeouts must not be negative ({@link IllegalArgumentException}); null arguments, and null
 * elements in collections, are a {@link NullPointerException}.
 */
public final class Coroutines {
    private Coroutines() {
    }

    // ---- spawning -----------------------------------------------------------------------------

    /**
     * Spawns a standalone coroutine on a new virtual thread; its result is what {@code body}
     * returns. gevent's {@code spawn}, asyncio's {@code create_task}, Go's {@code go}.
     *
     * @throws NullPointerException if {@code body} is null
     * @see Spawner#spawn(Callable)
     */
    public static <T> Coroutine<T> spawn(Callable<? extends T> body) {
        return StandaloneSpawner.VIRTUAL.spawn(body);
    }

    /**
     * Spawns a named standalone coroutine on a new virtual thread named {@code name}.
     *
     * @throws NullPointerException if {@code name} or {@code body} is null
     */
    public static <T> Coroutine<T> spawn(String name, Callable<? extends T> body) {
        return StandaloneSpawner.VIRTUAL.spawn(name, body);
    }

    /**
     * Spawns a standalone coroutine on a new virtual thread; its result is {@code null}.
     *
     * @throws NullPointerException if {@code body} is null
     */
    public static Coroutine<Void> spawn(Runnable body) {
        return StandaloneSpawner.VIRTUAL.spawn(body);
    }

    /**
     * Spawns a named standalone coroutine on a new virtual thread named {@code name}.
     *
     * @throws NullPointerException if {@code name} or {@code body} is null
     */
    public static Coroutine<Void> spawn(String name, Runnable body) {
        return StandaloneSpawner.VIRTUAL.spawn(name, body);
    }

    /**
     * Returns a spawner of standalone coroutines that run on new threads from {@code factory}: for
     * platform threads, or for threads with an uncaught-exception handler of your own.
     *
     * @throws NullPointerException if {@code factory} is null
     */
    public static Spawner spawner(ThreadFactory factory) {
        return new StandaloneSpawner(Launcher.of(factory));
    }

    /**
     * Returns a spawner of standalone coroutines that run as tasks of {@code executor}: to limit
     * how many run at once. See {@link CoroutineScopeBuilder#executor(Executor)} for the caveats.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public static Spawner spawner(Executor executor) {
        return new StandaloneSpawner(Launcher.of(executor));
    }

    /**
     * Starts a standalone generator on a rendezvous channel (each element generated on demand).
     *
     * @throws NullPointerException if {@code generator} is null
     * @see Spawner#produce(int, Generator)
     */
    public static <T> ReceiveChannel<T> produce(Generator<T> generator) {
        return StandaloneSpawner.VIRTUAL.produce(generator);
    }

    /**
     * Starts a standalone generator on a channel of the given capacity. Kotlin's {@code produce},
     * a Python generator; see {@link Spawner#produce(int, Generator)} for what happens on return,
     * failure and cancellation.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     * @throws NullPointerException if {@code generator} is null
     */
    public static <T> ReceiveChannel<T> produce(int capacity, Generator<T> generator) {
        return StandaloneSpawner.VIRTUAL.produce(capacity, generator);
    }

    // ---- waiting for several ------------------------------------------------------------------

    /**
     * Waits until all {@code coroutines} are done or {@code timeout} passes, and returns those
     * that are done, in the given order: {@code gevent.joinall(greenlets, timeout)}. Failures are
     * not thrown (inspect the returned coroutines, or use {@link #joinAllOrFail}), and this call
     * does not take them: one that nobody else waits for goes to the uncaught-exception handler.
     * Coroutines still running when the timeout passes are left running.
     *
     * @return the coroutines that are done (all of them unless the timeout passed)
     * @throws InterruptedException if interrupted while waiting (nothing is cancelled)
     * @throws NullPointerException if an argument or an element is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static <C extends Coroutine<?>> List<C> joinAll(Duration timeout, Collection<? extends C> coroutines)
            throws InterruptedException {
        return Combinators.joinAll(timeout, coroutines, false);
    }

    /**
     * As {@link #joinAll(Duration, Collection)}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @SafeVarargs
    public static <C extends Coroutine<?>> List<C> joinAll(Duration timeout, C... coroutines)
            throws InterruptedException {
        return Combinators.joinAll(timeout, Arrays.asList(coroutines), false);
    }

    /**
     * As {@link #joinAll(Duration, Collection)}, but throws as soon as one coroutine fails:
     * {@code gevent.joinall(greenlets, timeout, raise_error=True)}. The others are left running
     * (cancel them, or use {@link #gather}, if they should stop). Cancelled coroutines count as
     * done, not as failures. Failures of other coroutines that were done by then are attached as
     * suppressed; this call takes the failures it sees, so they do not also go to the
     * uncaught-exception handler.
     *
     * @return the coroutines that are done, if none failed
     * @throws CoroutineFailedException when a coroutine fails; the cause is its failure
     * @throws InterruptedException if interrupted while waiting (nothing is cancelled)
     * @throws NullPointerException if an argument or an element is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static <C extends Coroutine<?>> List<C> joinAllOrFail(Duration timeout, Collection<? extends C> coroutines)
            throws InterruptedException {
        return Combinators.joinAll(timeout, coroutines, true);
    }

    /**
     * As {@link #joinAllOrFail(Duration, Collection)}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @SafeVarargs
    public static <C extends Coroutine<?>> List<C> joinAllOrFail(Duration timeout, C... coroutines)
            throws InterruptedException {
        return Combinators.joinAll(timeout, Arrays.asList(coroutines), true);
    }

    /**
     * Waits for all {@code coroutines} and returns their results in the given order:
     * {@code asyncio.gather}. Fails fast: as soon as one fails (or is cancelled), the others are
     * cancelled (not waited for) and this throws what its {@link Coroutine#result()} would, with the
     * failures of others that were done by then suppressed. If the calling thread is interrupted,
     * all are cancelled and {@link InterruptedException} is thrown (asyncio cancels the gathered
     * tasks when {@code gather} is cancelled).
     *
     * @return the results, in the order of {@code coroutines}; empty for no coroutines
     * @throws CoroutineFailedException if one failed; the cause is its failure
     * @throws CancellationException if one was cancelled (by someone else)
     * @throws InterruptedException if interrupted while waiting (all were then cancelled)
     * @throws NullPointerException if the collection or an element is null
     */
    public static <T> List<T> gather(Collection<? extends Coroutine<? extends T>> coroutines)
            throws InterruptedException {
        return Combinators.gather(coroutines);
    }

    /**
     * As {@link #gather(Collection)}.
     *
     * @throws InterruptedException if interrupted while waiting (all were then cancelled)
     */
    @SafeVarargs
    public static <T> List<T> gather(Coroutine<? extends T>... coroutines) throws InterruptedException {
        return Combinators.gather(Arrays.asList(coroutines));
    }

    /**
     * Waits for the first of {@code coroutines} to succeed, cancels the others, and returns its
     * result: a race (Java's {@code invokeAny}, Kotlin's {@code select} over deferreds, asyncio's
     * {@code wait(FIRST_COMPLETED)} that ignores failures). Failures and cancellations are skipped
     * while others may still succeed; once one succeeds, failures of the others are discarded
     * (they lost). If none succeeds, it throws. If the calling thread is interrupted, all are
     * cancelled.
     *
     * @return the result of the first coroutine to succeed
     * @throws CoroutineFailedException if all failed (or were cancelled) and at least one failed:
     *     the cause is the first failure, the others suppressed
     * @throws CancellationException if all were cancelled
     * @throws InterruptedException if interrupted while waiting (all were then cancelled)
     * @throws IllegalArgumentException if {@code coroutines} is empty
     * @throws NullPointerException if the collection or an element is null
     */
    public static <T> T awaitAny(Collection<? extends Coroutine<? extends T>> coroutines)
            throws InterruptedException {
        return Combinators.awaitAny(coroutines);
    }

    /**
     * As {@link #awaitAny(Collection)}.
     *
     * @throws InterruptedException if interrupted while waiting (all were then cancelled)
     */
    @SafeVarargs
    public static <T> T awaitAny(Coroutine<? extends T>... coroutines) throws InterruptedException {
        return Combinators.awaitAny(Arrays.asList(coroutines));
    }
}
