package io.github.csp4j.channels;

/**
 * A typed channel for any number of producers and consumers, usable from virtual and platform
 * threads alike: Go's {@code chan T}. It is both ends at once; hand out the
 * {@link SendChannel} or {@link ReceiveChannel} view to code that should use only one end.
 *
 * <pre>{@code
 * Channel<String> ch = Channel.buffered(16);
 * Thread.ofVirtual().start(() -> {
 *     try {
 *         for (String w : List.of("a", "b", "c")) ch.send(w);
 *     } catch (InterruptedException e) {
 *         Thread.currentThread().interrupt();
 *     } finally {
 *         ch.close();
 *     }
 * });
 * for (String s : ch) System.out.println(s);     // ends when ch is closed and drained
 * }</pre>
 *
 * <h2>Kinds</h2>
 * <ul>
 *   <li>{@link #rendezvous()}: capacity 0; a send completes only when a receiver takes it.</li>
 *   <li>{@link #buffered(int)}: a send waits while {@code capacity} elements wait.</li>
 *   <li>{@link #unbounded()}: a send never waits.</li>
 *   <li>{@link #conflated()}: keeps only the latest element; a send replaces it.</li>
 *   <li>{@link #dropping(int, OverflowPolicy)}: a buffer that drops the oldest or the newest
 *       element instead of waiting.</li>
 * </ul>
 * {@link #builder()} adds an undelivered-element callback and single-producer/single-consumer
 * hints, which pick a faster queue.
 *
 * <h2>Nothing is lost</h2>
 * An element handed to a successful send is received exactly once, or, when the channel is
 * {@linkplain #cancel() cancelled} or the overflow policy drops it, given to the
 * undelivered-element callback. A send that fails (closed, interrupted, timed out, full) leaves
 * the element with the caller.
 *
 * <h2>Diagnostics</h2>
 * {@code toString()} shows the kind, capacity, size, waiting receivers and senders, and whether
 * the channel is open, closed (with its cause) or cancelled: a snapshot for logs and debuggers.
 * It never waits long for other threads: when a thread holding the channel's internal lock has
 * been stuck for a moment (100 ms), the waiter counts show as {@code ?}.
 *
 * @param <T> the element type
 */
public interface Channel<T> extends SendChannel<T>, ReceiveChannel<T> {

    /** Returns the kind of this channel. */
    ChannelKind kind();

    /**
     * Returns the capacity: 0 for rendezvous, 1 for conflated, {@link Integer#MAX_VALUE} for
     * unbounded, otherwise the buffer size it was built with.
     */
    int capacity();

    /**
     * Returns a snapshot of the number of buffered elements (for rendezvous: 0). Under concurrent
     * use it may be stale by the time it is read; it is for monitoring, not for decisions.
     */
    int size();

    /** Returns this channel's sending end, as a type that cannot receive. */
    default SendChannel<T> sendEnd() {
        return this;
    }

    /** Returns this channel's receiving end, as a type that cannot send. */
    default ReceiveChannel<T> receiveEnd() {
        return this;
    }

    /** A rendezvous channel (capacity 0). */
    static <T> Channel<T> rendezvous() {
        return ChannelBuilder.<T>newBuilder().build();
    }

    /**
     * A buffered channel: a send waits while {@code capacity} elements wait to be received.
     * {@code buffered(0)} is a rendezvous channel.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    static <T> Channel<T> buffered(int capacity) {
        return ChannelBuilder.<T>newBuilder().capacity(capacity).build();
    }

    /** An unbounded channel: a send never waits. */
    static <T> Channel<T> unbounded() {
        return ChannelBuilder.<T>newBuilder().unbounded().build();
    }

    /**
     * A conflated channel: keeps only the latest element. A send never waits; it replaces the
     * element that was waiting, which goes to the undelivered-element callback.
     */
    static <T> Channel<T> conflated() {
        return ChannelBuilder.<T>newBuilder().conflated().build();
    }

    /**
     * A buffered channel that drops instead of waiting when full.
     *
     * @param capacity the buffer size, at least 1
     * @param policy {@link OverflowPolicy#DROP_OLDEST} or {@link OverflowPolicy#DROP_NEWEST}
     *     ({@link OverflowPolicy#BLOCK} gives a plain buffered channel)
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    static <T> Channel<T> dropping(int capacity, OverflowPolicy policy) {
        return ChannelBuilder.<T>newBuilder().capacity(capacity).onOverflow(policy).build();
    }

    /** A builder for a channel with a callback, hints or an overflow policy. */
    static <T> ChannelBuilder<T> builder() {
        return ChannelBuilder.newBuilder();
    }
}
