/**
 * Coroutines on virtual threads, with the gevent and asyncio toolbox, the Go way.
 *
 * <table class="striped">
 *   <caption>What is what</caption>
 *   <thead><tr><th>csp4j</th><th>gevent / asyncio</th><th>Go / Kotlin</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link io.github.csp4j.coroutine.Coroutines#spawn(java.util.concurrent.Callable) Coroutines.spawn}</td>
 *         <td>{@code gevent.spawn}, {@code asyncio.create_task}</td><td>{@code go f()}, {@code launch}/{@code async}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Coroutine} (join, result, cancel)</td>
 *         <td>{@code Greenlet}, {@code Task}</td><td>{@code Job}/{@code Deferred}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Coroutines#joinAll(java.time.Duration, java.util.Collection) joinAll}</td>
 *         <td>{@code gevent.joinall}</td><td>{@code sync.WaitGroup}, {@code joinAll}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Coroutines#gather(java.util.Collection) gather}</td>
 *         <td>{@code asyncio.gather}</td><td>{@code awaitAll}, {@code errgroup}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Coroutines#awaitAny(java.util.Collection) awaitAny}</td>
 *         <td>{@code asyncio.wait(FIRST_COMPLETED)}</td><td>{@code select} over results</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.CoroutineScope}</td>
 *         <td>{@code asyncio.TaskGroup}, {@code gevent.pool.Group}</td><td>{@code coroutineScope}, {@code errgroup} + {@code context}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Event}</td>
 *         <td>{@code gevent.event.Event}, {@code asyncio.Event}</td><td>{@code close(done)}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.WaitGroup}</td><td>-</td><td>{@code sync.WaitGroup}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Timers#after(java.time.Duration) Timers.after},
 *         {@link io.github.csp4j.coroutine.Timers#ticker(java.time.Duration) Timers.ticker}</td>
 *         <td>{@code asyncio.sleep}</td><td>{@code time.After}, {@code time.NewTicker}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Coroutines#produce(io.github.csp4j.coroutine.Generator) produce}</td>
 *         <td>generators</td><td>{@code produce}, a goroutine feeding a channel</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.Pipelines} (merge, fanOut, parallelMap, toList),
 *         {@link io.github.csp4j.coroutine.Broadcast}</td>
 *         <td>{@code ThreadPoolExecutor.map}, {@code asyncio.as_completed}</td>
 *         <td>pipelines: fan-in, fan-out, core.async {@code pipeline}, {@code BroadcastChannel}</td></tr>
 *     <tr><td>{@link io.github.csp4j.coroutine.FlowAdapters}</td><td>-</td>
 *         <td>{@code asPublisher}, {@code asFlow} (Reactive Streams)</td></tr>
 *   </tbody>
 * </table>
 *
 * <h2>Ground rules</h2>
 * <ul>
 *   <li>A coroutine is a virtual thread (or a thread or task you supply) plus a small handle; no
 *       preview API is used. Blocking is parking: nothing here holds a monitor while waiting, so
 *       carriers are never pinned.</li>
 *   <li>Cancellation is interruption. Every waiting method answers {@link Thread#interrupt()} with
 *       {@link InterruptedException}; all of them work from platform threads too.</li>
 *   <li>Failures are never silent: a failure is thrown to whoever asks for the result, thrown by
 *       the owning scope, or handed to the thread's uncaught-exception handler (see
 *       {@link io.github.csp4j.coroutine.Coroutine}).</li>
 *   <li>Timers share one scheduler thread. Nothing is kept per thread (no {@code ThreadLocal}).</li>
 * </ul>
 */
package io.github.csp4j.coroutine;
