package io.github.csp4j.channels;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link Channel}. Start from {@link Channel#builder()}; the default is a rendezvous
 * channel for many producers and many consumers, without a callback.
 *
 * <pre>{@code
 * Channel<Frame> frames = Channel.<Frame>builder()
 *         .capacity(64)
 *         .onOverflow(OverflowPolicy.DROP_OLDEST)
 *         .onUndeliveredElement(Frame::release)
 *         .singleProducer()
 *         .build();
 * }</pre>
 *
 * <h2>Hints</h2>
 * {@link #singleProducer()} and {@link #singleConsumer()} promise that at most one thread at a
 * time sends (respectively receives); they select a single-producer or single-consumer JCTools
 * queue, which is faster. On a rendezvous channel, both hints together let a hand-off between a
 * running sender and a running receiver go through the channel's own fields alone, never through
 * the waiting partner's record: one cache line moves between the two threads instead of two
 * (a hand-off between two virtual threads on two cores about twice as fast); either hint alone
 * changes nothing there. With {@link #singleConsumer()}, {@link Channel#cancel()} counts as a
 * receive. Breaking a promise corrupts the channel; the hints do not change behaviour otherwise.
 *
 * @param <T> the element type
 */
public final class ChannelBuilder<T> {
    private int capacity;
    private boolean unbounded;
    private OverflowPolicy overflow = OverflowPolicy.BLOCK;
    private Consumer<? super T> onUndelivered;
    private boolean singleProducer;
    private boolean singleConsumer;

    private ChannelBuilder() {
    }

    static <T> ChannelBuilder<T> newBuilder() {
        return new ChannelBuilder<>();
    }

    /**
     * Sets the buffer size; 0 (the default) is a rendezvous channel.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public ChannelBuilder<T> capacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.unbounded = false;
        return this;
    }

    /** Makes the channel unbounded: a send never waits. */
    public ChannelBuilder<T> unbounded() {
        this.unbounded = true;
        return this;
    }

    /** Makes the channel conflated: capacity 1, dropping the oldest element. */
    public ChannelBuilder<T> conflated() {
        this.capacity = 1;
        this.unbounded = false;
        this.overflow = OverflowPolicy.DROP_OLDEST;
        return this;
    }

    /**
     * Sets what a send does when the buffer is full. Dropping policies need a capacity of at
     * least 1 (checked by {@link #build()}).
     *
     * @throws NullPointerException if {@code policy} is null
     */
    public ChannelBuilder<T> onOverflow(OverflowPolicy policy) {
        this.overflow = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Sets the callback that receives every element that was sent but will never be received:
     * elements discarded by {@link Channel#cancel()} and elements dropped by the overflow policy.
     * It runs on the thread that discarded the element, outside the channel's internal lock; an
     * exception it throws propagates to that caller after the channel is consistent.
     *
     * @throws NullPointerException if {@code callback} is null
     */
    public ChannelBuilder<T> onUndeliveredElement(Consumer<? super T> callback) {
        this.onUndelivered = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /** Promises that at most one thread at a time sends. */
    public ChannelBuilder<T> singleProducer() {
        this.singleProducer = true;
        return this;
    }

    /** Promises that at most one thread at a time receives (and cancels). */
    public ChannelBuilder<T> singleConsumer() {
        this.singleConsumer = true;
        return this;
    }

    /**
     * Builds the channel.
     *
     * @throws IllegalArgumentException if a dropping overflow policy is combined with capacity 0
     *     or with an unbounded channel
     */
    public Channel<T> build() {
        if (overflow != OverflowPolicy.BLOCK && (unbounded || capacity == 0)) {
            throw new IllegalArgumentException("overflow policy " + overflow
                    + " needs a bounded capacity of at least 1, was " + (unbounded ? "unbounded" : "0"));
        }
        Consumer<? super T> callback = onUndelivered == null ? e -> { } : onUndelivered;
        if (!unbounded && capacity == 0) {
            return new RendezvousChannel<>(callback, singleProducer && singleConsumer);
        }
        ChannelKind kind = unbounded ? ChannelKind.UNBOUNDED
                : overflow == OverflowPolicy.BLOCK ? ChannelKind.BUFFERED
                : capacity == 1 && overflow == OverflowPolicy.DROP_OLDEST ? ChannelKind.CONFLATED
                : ChannelKind.DROPPING;
        int cap = unbounded ? Integer.MAX_VALUE : capacity;
        return overflow == OverflowPolicy.BLOCK
                ? new BufferedChannel<>(kind, cap, callback, singleProducer, singleConsumer)
                : new DroppingChannel<>(kind, cap, overflow, callback, singleProducer, singleConsumer);
    }
}
