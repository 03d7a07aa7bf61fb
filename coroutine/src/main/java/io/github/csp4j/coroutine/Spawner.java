package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.Callable;

/**
 * Something that starts coroutines: a {@link CoroutineScope} (which owns them) or a standalone
 * spawner from {@link Coroutines#spawner(java.util.concurrent.ThreadFactory)} and
 * {@link Coroutines#spawner(java.util.concurrent.Executor)} (whose coroutines nobody owns, like
 * those of {@link Coroutines#spawn(Callable)}).
 *
 * <h2>Bodies</h2>
 * A body is a {@link Callable} (its value is the coroutine's result; it may throw checked
 * exceptions, such as the {@link InterruptedException} of a channel operation) or a
 * {@link Runnable} (the result is {@code null}). For a lambda, Java picks the {@code Callable}
 * form when the lambda returns a value and the {@code Runnable} form when it does not:
 * {@code spawn(() -> ch.receive())} is a {@code Coroutine<T>}, while a body that only sends and
 * must handle {@link InterruptedException} is written {@code spawn(() -> { ch.send(x); return null; })}.
 *
 * <h2>Names</h2>
 * A name given at spawn becomes the name of the coroutine's thread, so it shows in thread dumps
 * ({@code jcmd <pid> Thread.dump_to_file}) and in {@link Coroutine#name()}. Names need not be
 * unique.
 *
 * <h2>Errors</h2>
 * A null body or name is a {@link NullPointerException}; a thread factory that returns no thread
 * or an executor that refuses the task makes spawn throw
 * {@link java.util.concurrent.RejectedExecutionException} (the coroutine is then done, failed).
 */
public sealed interface Spawner permits CoroutineScope, StandaloneSpawner {

    /**
     * Spawns a coroutine running {@code body}; its result is what the body returns. asyncio's
     * {@code create_task}, gevent's {@code spawn}, Go's {@code go}.
     *
     * @throws NullPointerException if {@code body} is null
     */
    <T> Coroutine<T> spawn(Callable<? extends T> body);

    /**
     * Spawns a named coroutine running {@code body}; the name becomes its thread's name.
     *
     * @throws NullPointerException if {@code name} or {@code body} is null
     */
    <T> Coroutine<T> spawn(String name, Callable<? extends T> body);

    /**
     * Spawns a coroutine running {@code body}; its result is {@code null}.
     *
     * @throws NullPointerException if {@code body} is null
     */
    Coroutine<Void> spawn(Runnable body);

    /**
     * Spawns a named coroutine running {@code body}; the name becomes its thread's name.
     *
     * @throws NullPointerException if {@code name} or {@code body} is null
     */
    Coroutine<Void> spawn(String name, Runnable body);

    /**
     * Starts a generator on a rendezvous channel: each element is generated only when the
     * consumer asks for it (a Python generator). Same as {@code produce(0, generator)}.
     *
     * @throws NullPointerException if {@code generator} is null
     * @see #produce(int, Generator)
     */
    <T> ReceiveChannel<T> produce(Generator<T> generator);

    /**
     * Starts a coroutine that runs {@code generator}, sending into a channel of the given
     * capacity, and returns that channel's receiving end: Kotlin's {@code produce}, a Python
     * generator. Read it with {@code for (T x : channel)}, {@code receive()} or a select.
     *
     * <ul>
     *   <li>When the generator returns, the channel is closed: the consumer drains what was sent,
     *       then iteration ends.</li>
     *   <li>When it throws, the channel is closed with what it threw: the consumer drains, then
     *       gets a {@link io.github.csp4j.channels.ChannelClosedException} whose cause it is. The
     *       failure is thereby reported and does not go to the uncaught-exception handler (a scope
     *       that owns the generator still fails with it).</li>
     *   <li>When the consumer {@linkplain ReceiveChannel#cancel() cancels} the returned channel,
     *       the generator is cancelled: a send it is blocked in fails at once, and its thread is
     *       interrupted.</li>
     *   <li>When the generator is cancelled otherwise (its scope was cancelled), the channel is
     *       closed with a {@link java.util.concurrent.CancellationException}.</li>
     * </ul>
     *
     * @param capacity the channel's buffer: 0 for rendezvous (generate on demand), more to let
     *     the generator run ahead
     * @throws IllegalArgumentException if {@code capacity} is negative
     * @throws NullPointerException if {@code generator} is null
     */
    <T> ReceiveChannel<T> produce(int capacity, Generator<T> generator);
}
