package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Channels and {@link java.util.concurrent.Flow} (Reactive Streams): a publisher that reads a
 * channel, and a channel fed by any publisher, with back-pressure on both sides. Both follow the
 * Reactive Streams rules, verified with the Reactive Streams TCK.
 *
 * <pre>{@code
 * try (CoroutineScope scope = CoroutineScope.open()) {
 *     ReceiveChannel<Row> rows = FlowAdapters.fromPublisher(scope, database.query(sql), 64); // at most 64 requested ahead
 *     ReceiveChannel<Score> scores = Pipelines.parallelMap(scope, rows, 8, 8, this::score);
 *     httpResponse.send(FlowAdapters.publisher(scope, scores));  // the response's demand drives the pipeline
 * }
 * }</pre>
 *
 * Each adapter runs one coroutine on the {@link Spawner} you pass, so its scope owns it.
 */
public final class FlowAdapters {
    private FlowAdapters() {
    }

    /**
     * Returns a publisher of the elements of {@code channel}: a subscriber gets them as it
     * requests them (an element is received from the channel only when there is demand for
     * it, so a channel read this way back-pressures its producers). Kotlin's
     * {@code consumeAsFlow().asPublisher()}.
     *
     * <ul>
     *   <li>Unicast and single-use, as a channel is consumed: the first subscriber consumes the
     *       channel; a later one gets {@code onSubscribe} and then {@code onError} with an
     *       {@link IllegalStateException} (rule 1.9 allows rejecting). To give several consumers
     *       every element, subscribe to {@link Broadcast} channels instead.</li>
     *   <li>{@code onComplete} when the channel is closed and drained; {@code onError(cause)} when
     *       it was closed with a cause; {@code onError(CancellationException)} when somebody else
     *       cancelled the channel or the publishing coroutine was cancelled (its scope was).
     *       These need no demand: they are signalled at once when the channel had ended before
     *       the subscription or when there is demand, and otherwise within about a second (a
     *       channel has no close notification; the publisher looks, with a growing interval).</li>
     *   <li>{@link Flow.Subscription#cancel()} cancels the channel, which stops the stages and
     *       producers before it. An element already received when the cancel arrives is still
     *       delivered (it was requested; rule 2.8 allows it).</li>
     *   <li>{@code request(n)} with {@code n <= 0} ends the subscription with
     *       {@code onError(IllegalArgumentException)} and cancels the channel (rule 3.9); demand
     *       adds up to {@link Long#MAX_VALUE}, meaning unbounded (rule 3.17).</li>
     *   <li>Every signal is sent from the publishing coroutine, one at a time; {@code request}
     *       and {@code cancel} never block and may be called from {@code onNext}.</li>
     *   <li>If the subscriber's {@code onNext} (or another of its methods) throws, the channel is
     *       cancelled and the coroutine fails with what was thrown, which its scope then reports
     *       (rule 2.13 forbids throwing).</li>
     * </ul>
     * Subscribing starts the coroutine on {@code scope}; if the scope refuses (it is closed), the
     * subscriber gets {@code onSubscribe} and then {@code onError} with that exception, and the
     * channel is cancelled.
     *
     * @param scope where the publishing coroutine runs (one per subscription)
     * @param channel the channel to publish
     * @throws NullPointerException if an argument is null
     */
    public static <T> Flow.Publisher<T> publisher(Spawner scope, ReceiveChannel<T> channel) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(channel, "channel");
        return new ChannelPublisher<>(scope, channel);
    }

    /**
     * Subscribes to {@code publisher} and returns a channel of what it publishes, requesting at
     * most {@code capacity} elements ahead of what has been received from the channel. A receive
     * on the channel throws {@link ChannelClosedException} with cause {@code e} after the
     * publisher's {@code onError(e)}; iteration ends after its {@code onComplete}. Cancelling the
     * channel cancels the subscription. See {@link ChannelSubscriber} for the details.
     *
     * @param scope where the feeding coroutine runs
     * @param publisher what to subscribe to
     * @param capacity how many elements may be requested ahead of the reader, at least 1
     * @return the channel; the subscription happens before this returns (the publisher may
     *     signal {@code onSubscribe} later)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     * @throws IllegalStateException if {@code scope} is a closed scope
     */
    public static <T> ReceiveChannel<T> fromPublisher(Spawner scope, Flow.Publisher<? extends T> publisher, int capacity) {
        return fromPublisher(scope, publisher, capacity, null);
    }

    /**
     * As {@link #fromPublisher(Spawner, Flow.Publisher, int)}, with a callback for elements that
     * were published but will not be received: buffered when the channel is cancelled, or
     * arriving after that.
     *
     * @param scope where the feeding coroutine runs
     * @param publisher what to subscribe to
     * @param capacity how many elements may be requested ahead of the reader, at least 1
     * @param onUndelivered the callback; may be null
     * @return the channel
     * @throws NullPointerException if {@code scope} or {@code publisher} is null
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     * @throws IllegalStateException if {@code scope} is a closed scope
     */
    public static <T> ReceiveChannel<T> fromPublisher(Spawner scope, Flow.Publisher<? extends T> publisher, int capacity,
            Consumer<? super T> onUndelivered) {
        Objects.requireNonNull(publisher, "publisher");
        ChannelSubscriber<T> subscriber = subscriber(scope, capacity, onUndelivered);
        publisher.subscribe(subscriber);
        return subscriber.channel();
    }

    /**
     * Returns a subscriber that feeds a channel, for a publisher you subscribe yourself (or a
     * {@link Flow.Processor}); read its {@link ChannelSubscriber#channel()}.
     *
     * @param scope where the feeding coroutine runs; it runs until the publisher completes or
     *     fails, or the channel is cancelled (a subscriber never subscribed keeps it waiting:
     *     cancel its channel)
     * @param capacity how many elements may be requested ahead of the reader, at least 1
     * @throws NullPointerException if {@code scope} is null
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     * @throws IllegalStateException if {@code scope} is a closed scope
     */
    public static <T> ChannelSubscriber<T> subscriber(Spawner scope, int capacity) {
        return subscriber(scope, capacity, null);
    }

    /**
     * As {@link #subscriber(Spawner, int)}, with an undelivered-element callback.
     *
     * @param scope where the feeding coroutine runs
     * @param capacity how many elements may be requested ahead of the reader, at least 1
     * @param onUndelivered gets elements published but never received; may be null
     * @throws NullPointerException if {@code scope} is null
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     * @throws IllegalStateException if {@code scope} is a closed scope
     */
    public static <T> ChannelSubscriber<T> subscriber(Spawner scope, int capacity, Consumer<? super T> onUndelivered) {
        Objects.requireNonNull(scope, "scope");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        return new ChannelSubscriber<>(scope, capacity, onUndelivered);
    }
}
