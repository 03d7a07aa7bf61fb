package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Producer-consumer pipelines: stages that read channels and write channels, running as
 * coroutines of a scope you own. Fan-in ({@link #merge}), fan-out ({@link #fanOut}), parallel
 * map in input order ({@link #parallelMap}) or as results complete
 * ({@link #parallelMapUnordered}), and collecting ({@link #toList}); every subscriber gets every
 * element with {@link Broadcast}; {@link FlowAdapters} connects to
 * {@link java.util.concurrent.Flow}. A batch receive, {@link ReceiveChannel#receiveBatch(int)}
 * (wait for one element, then take up to N that are already there), is on every channel.
 *
 * <pre>{@code
 * try (CoroutineScope scope = CoroutineScope.open()) {
 *     ReceiveChannel<Path> files = scope.produce(16, out -> { for (Path p : paths) out.send(p); });
 *     ReceiveChannel<Summary> summaries = Pipelines.parallelMap(scope, files, 8, 16, Summary::read); // may throw IOException
 *     for (Summary s : summaries) {  // in input order; a failure of Summary.read is thrown here
 *         store(s);
 *     }
 * }   // every stage has finished here
 * }</pre>
 * To write results in batches, receive them with {@code summaries.receiveBatch(100)} (waits for
 * one, then takes up to 100 that are already there) until it throws {@link ChannelClosedException}.
 *
 * <h2>Stages and their scope</h2>
 * Each helper starts its stage's coroutines on the {@link Spawner} you pass, usually a
 * {@link CoroutineScope}: closing the scope waits for them, cancelling it stops them, and none
 * outlives it. A stage runs until its inputs end, until it fails, or until its output is
 * cancelled; like any producer, a stage whose output nobody reads waits (and so keeps its scope
 * open) until the output is read or cancelled.
 *
 * <h2>The rules every stage follows</h2>
 * <ul>
 *   <li><b>End</b>: when its inputs are closed and drained, the stage delivers what it holds and
 *       closes its output(s): the consumer drains them, and then its loop ends. An input that
 *       somebody else cancelled counts as ending with a {@link CancellationException}, so a
 *       truncated stream is never passed on as a complete one.</li>
 *   <li><b>Failure flows downstream</b>: an input closed with a cause, or a function that throws,
 *       closes the output with that cause; a receive at the end of the pipeline then throws
 *       {@link ChannelClosedException} whose {@linkplain Throwable#getCause() cause} is the
 *       original failure, after the elements that were delivered before it. The stage's
 *       coroutines themselves end normally: the failure travels through the channels, to
 *       whoever reads the end of the pipeline, not sideways into the scope (so it reaches the
 *       end before any cancellation could overtake it). A stage that fails cancels its inputs,
 *       so the stages upstream stop too.</li>
 *   <li><b>Cancellation flows upstream</b>: {@link ReceiveChannel#cancel()} on a stage's output
 *       (for {@link #fanOut}: on all its outputs) cancels the stage's coroutines and its inputs,
 *       which stops the stage before it, and so on to the head of the pipeline. A
 *       {@linkplain Spawner#produce generator} stops when its channel is cancelled.</li>
 *   <li><b>Scope cancellation</b>: a stage whose coroutines are cancelled (the scope was
 *       cancelled, its timeout passed) closes its output with a {@link CancellationException}
 *       and cancels its inputs.</li>
 *   <li><b>Nothing is lost</b>: every element a stage takes is delivered exactly once, or handed
 *       to the undelivered-element callback you may pass: elements buffered in an output that
 *       is cancelled, and elements a stage holds when it stops early. A stage cancels its inputs
 *       when it stops early, which hands their buffered elements to <em>their</em> callbacks.</li>
 *   <li><b>Interrupts</b>: stage coroutines answer {@link Thread#interrupt()} (it is how they
 *       are cancelled); a mapper should let {@link InterruptedException} escape.</li>
 * </ul>
 *
 * <h2>Collecting and iterating</h2>
 * {@code for (T x : channel)}, {@link ReceiveChannel#iterator()} and
 * {@link ReceiveChannel#stream()} read a channel to its end and throw
 * {@link ChannelClosedException} if it was closed with a cause ({@code channel.stream().toList()}
 * collects it, throwing {@link io.github.csp4j.channels.ChannelInterruptedException} on an
 * interrupt). {@link #toList(ReceiveChannel)} does the same with a checked
 * {@link InterruptedException}, and also reports a cancelled channel instead of returning what
 * was read before the cancel as if it were everything.
 *
 * <h2>Arguments</h2>
 * Null arguments (and null channels in a list) are a {@link NullPointerException} naming them;
 * a negative capacity, or fewer than one worker or output, an {@link IllegalArgumentException}.
 * If the spawner refuses to start a coroutine (a closed scope: {@link IllegalStateException}),
 * the helper throws that; if it refuses after some of the stage's coroutines started, the stage
 * fails with the exception first.
 */
public final class Pipelines {
    private Pipelines() {
    }

    // ---- fan-in -------------------------------------------------------------------------------

    /**
     * Merges {@code inputs} into one channel: every element of every input is delivered once, in
     * each input's own order (inputs interleave as their elements arrive). Fan-in; Go's
     * {@code merge} from "Pipelines and cancellation".
     *
     * <ul>
     *   <li>The output is closed when every input is closed and drained (at once, for no inputs).</li>
     *   <li>The first input closed with a cause closes the output with that cause (elements
     *       delivered before it are still read first); the other inputs are then cancelled. An
     *       input cancelled by someone else counts as a failure with a
     *       {@link CancellationException}.</li>
     *   <li>Cancelling the output cancels every input.</li>
     * </ul>
     * One coroutine per input forwards its elements, so each holds at most one element on top of
     * the output's capacity.
     *
     * @param scope where the forwarding coroutines run
     * @param capacity the output's buffer (0: rendezvous)
     * @param inputs the channels to merge; may be empty
     * @return the merged channel
     */
    @SafeVarargs
    public static <T> ReceiveChannel<T> merge(Spawner scope, int capacity, ReceiveChannel<? extends T>... inputs) {
        return merge(scope, capacity, Arrays.asList(Objects.requireNonNull(inputs, "inputs")), null);
    }

    /**
     * As {@link #merge(Spawner, int, ReceiveChannel[])}, over a list.
     *
     * @param scope where the forwarding coroutines run
     * @param capacity the output's buffer (0: rendezvous)
     * @param inputs the channels to merge; may be empty
     * @return the merged channel
     */
    public static <T> ReceiveChannel<T> merge(Spawner scope, int capacity, List<? extends ReceiveChannel<? extends T>> inputs) {
        return merge(scope, capacity, inputs, null);
    }

    /**
     * As {@link #merge(Spawner, int, ReceiveChannel[])}, with an undelivered-element callback.
     *
     * @param scope where the forwarding coroutines run
     * @param capacity the output's buffer (0: rendezvous)
     * @param inputs the channels to merge; may be empty
     * @param onUndelivered gets every element that was taken from an input but will not be
     *     delivered: buffered in the output when it is cancelled, or held by a forwarder when the
     *     stage stops; runs on the thread that discarded it
     * @return the merged channel
     */
    public static <T> ReceiveChannel<T> merge(Spawner scope, int capacity, List<? extends ReceiveChannel<? extends T>> inputs,
            Consumer<? super T> onUndelivered) {
        Objects.requireNonNull(scope, "scope");
        List<? extends ReceiveChannel<? extends T>> ins = checkChannels(inputs, "inputs");
        checkCapacity(capacity);
        MergeStage<T> stage = new MergeStage<>(ins, capacity, onUndelivered);
        if (ins.isEmpty()) {
            stage.output().close();
        }
        return stage.start(scope, ins.size()).get(0);
    }

    // ---- fan-out ------------------------------------------------------------------------------

    /**
     * Distributes the elements of {@code input} over {@code outputs} channels: each element goes
     * to exactly one of them, the first that has room (so a slow consumer gets fewer). Fan-out;
     * give each output to a worker. For every element to reach every consumer, use
     * {@link Broadcast}.
     *
     * <ul>
     *   <li>When {@code input} is closed and drained, every output is closed (with the input's
     *       cause, if it had one).</li>
     *   <li>Cancelling one output withdraws it: the element that was being offered to it goes to
     *       another, and its buffered elements go to the callback. Cancelling the last output
     *       cancels the input.</li>
     * </ul>
     * One coroutine distributes; it holds at most one element.
     *
     * @param scope where the distributing coroutine runs
     * @param input the channel to distribute
     * @param outputs how many output channels, at least 1
     * @param capacity each output's buffer (0: rendezvous, each element handed to a consumer
     *     that is waiting)
     * @return the outputs
     */
    public static <T> List<ReceiveChannel<T>> fanOut(Spawner scope, ReceiveChannel<? extends T> input, int outputs,
            int capacity) {
        return fanOut(scope, input, outputs, capacity, null);
    }

    /**
     * As {@link #fanOut(Spawner, ReceiveChannel, int, int)}, with an undelivered-element callback.
     *
     * @param scope where the distributing coroutine runs
     * @param input the channel to distribute
     * @param outputs how many output channels, at least 1
     * @param capacity each output's buffer
     * @param onUndelivered gets elements buffered in an output that is cancelled, and the element
     *     held when the last output is cancelled
     * @return the outputs
     */
    public static <T> List<ReceiveChannel<T>> fanOut(Spawner scope, ReceiveChannel<? extends T> input, int outputs,
            int capacity, Consumer<? super T> onUndelivered) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(input, "input");
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, was " + outputs);
        }
        checkCapacity(capacity);
        return List.copyOf(new FanOutStage<T>(input, outputs, capacity, onUndelivered).start(scope, 1));
    }

    // ---- parallel map -------------------------------------------------------------------------

    /**
     * Maps the elements of {@code input} with {@code mapper} on {@code workers} coroutines and
     * delivers the results <b>in input order</b>: {@code ThreadPoolExecutor.map}, core.async's
     * {@code pipeline}. The output is exactly what the sequential
     * {@code for (T x : input) out.send(mapper.apply(x))} would write, only faster.
     *
     * <ul>
     *   <li>When {@code input} is closed and drained, the output is closed after the last result
     *       (with the input's cause, if it had one).</li>
     *   <li>When {@code mapper} throws for an element, the results of every element before it are
     *       delivered, then the output is closed with what it threw; the other workers are
     *       cancelled and the input is cancelled.</li>
     *   <li>Cancelling the output cancels the workers (a mapper that waits gets an
     *       {@link InterruptedException}) and the input.</li>
     * </ul>
     *
     * <p>Workers take elements in small batches, sized by how long the mapper takes: one at a
     * time when it takes more than about ten microseconds (every worker busy), up to 256 when it
     * takes nanoseconds (the channel costs amortised). In order means a slow element holds back
     * the results behind it: at most one batch per worker is in flight.
     *
     * @param scope where the workers run
     * @param input the elements to map
     * @param workers how many elements are mapped at once, at least 1
     * @param capacity the output's buffer (0: rendezvous)
     * @param mapper the function; it may throw checked exceptions and must not return null
     * @return the results, in input order
     */
    public static <T, R> ReceiveChannel<R> parallelMap(Spawner scope, ReceiveChannel<? extends T> input, int workers,
            int capacity, Mapper<? super T, ? extends R> mapper) {
        return parallelMap(true, scope, input, workers, capacity, mapper, null, null);
    }

    /**
     * As {@link #parallelMap(Spawner, ReceiveChannel, int, int, Mapper)}, with callbacks for what
     * will not be delivered when the stage stops early.
     *
     * @param scope where the workers run
     * @param input the elements to map
     * @param workers how many elements are mapped at once, at least 1
     * @param capacity the output's buffer (0: rendezvous)
     * @param mapper the function
     * @param onUnmapped gets elements taken from {@code input} that will never be mapped (the rest
     *     of a worker's batch when the stage stops); may be null. The element the mapper was
     *     working on, or threw for, is the mapper's.
     * @param onUndelivered gets results that will not be delivered (buffered in the output when
     *     it is cancelled, or held by a worker when the stage stops); may be null
     * @return the results, in input order
     */
    public static <T, R> ReceiveChannel<R> parallelMap(Spawner scope, ReceiveChannel<? extends T> input, int workers,
            int capacity, Mapper<? super T, ? extends R> mapper, Consumer<? super T> onUnmapped,
            Consumer<? super R> onUndelivered) {
        return parallelMap(true, scope, input, workers, capacity, mapper, onUnmapped, onUndelivered);
    }

    /**
     * Maps the elements of {@code input} with {@code mapper} on {@code workers} coroutines and
     * delivers each result <b>as soon as it is ready</b>: a worker pool with a result channel,
     * {@code ExecutorCompletionService}. The same rules as
     * {@link #parallelMap(Spawner, ReceiveChannel, int, int, Mapper)}, except order and failure:
     * when {@code mapper} throws, the output is closed with it at once (results other workers
     * still hold go to the callback).
     *
     * @param scope where the workers run
     * @param input the elements to map
     * @param workers how many elements are mapped at once, at least 1
     * @param capacity the output's buffer (0: rendezvous)
     * @param mapper the function; it may throw checked exceptions and must not return null
     * @return the results, in the order they were computed
     */
    public static <T, R> ReceiveChannel<R> parallelMapUnordered(Spawner scope, ReceiveChannel<? extends T> input,
            int workers, int capacity, Mapper<? super T, ? extends R> mapper) {
        return parallelMap(false, scope, input, workers, capacity, mapper, null, null);
    }

    /**
     * As {@link #parallelMapUnordered(Spawner, ReceiveChannel, int, int, Mapper)}, with the
     * callbacks of {@link #parallelMap(Spawner, ReceiveChannel, int, int, Mapper, Consumer, Consumer)}.
     *
     * @param scope where the workers run
     * @param input the elements to map
     * @param workers how many elements are mapped at once, at least 1
     * @param capacity the output's buffer (0: rendezvous)
     * @param mapper the function
     * @param onUnmapped gets elements taken but never mapped; may be null
     * @param onUndelivered gets results that will not be delivered; may be null
     * @return the results, in the order they were computed
     */
    public static <T, R> ReceiveChannel<R> parallelMapUnordered(Spawner scope, ReceiveChannel<? extends T> input,
            int workers, int capacity, Mapper<? super T, ? extends R> mapper, Consumer<? super T> onUnmapped,
            Consumer<? super R> onUndelivered) {
        return parallelMap(false, scope, input, workers, capacity, mapper, onUnmapped, onUndelivered);
    }

    private static <T, R> ReceiveChannel<R> parallelMap(boolean ordered, Spawner scope, ReceiveChannel<? extends T> input,
            int workers, int capacity, Mapper<? super T, ? extends R> mapper, Consumer<? super T> onUnmapped,
            Consumer<? super R> onUndelivered) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(mapper, "mapper");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        checkCapacity(capacity);
        return new ParallelMapStage<T, R>(ordered, input, workers, capacity, mapper, onUnmapped, onUndelivered)
                .start(scope, workers).get(0);
    }

    // ---- collecting ---------------------------------------------------------------------------

    /**
     * Receives every element of {@code channel} until it is closed and drained, and returns them
     * in order: the end of a pipeline, Kotlin's {@code toList()}, jox's {@code Source.toList()}.
     * Waits as long as the channel stays open.
     *
     * @return the elements, in the order received (a new, modifiable list)
     * @throws ChannelClosedException if the channel was closed with a cause (its cause is that
     *     cause) or was cancelled ({@link ChannelClosedException#isCancelled()}); the elements
     *     received until then are dropped with the list
     * @throws InterruptedException if interrupted while waiting; the elements received until
     *     then are dropped with the list, and the rest stay in the channel
     * @throws NullPointerException if {@code channel} is null
     */
    public static <T> List<T> toList(ReceiveChannel<? extends T> channel) throws InterruptedException {
        Objects.requireNonNull(channel, "channel");
        List<T> list = new ArrayList<>();
        while (true) {
            try {
                list.add(channel.receive());
            } catch (ChannelClosedException e) {
                if (e.getCause() != null || e.isCancelled()) {
                    throw e;
                }
                return list;
            }
        }
    }

    // ---- argument checks ----------------------------------------------------------------------

    static void checkCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
    }

    static <C> List<C> checkChannels(List<C> channels, String what) {
        Objects.requireNonNull(channels, what);
        List<C> copy = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            C c = channels.get(i);
            if (c == null) {
                throw new NullPointerException(what + "[" + i + "] is null");
            }
            copy.add(c);
        }
        return List.copyOf(copy);
    }
}
