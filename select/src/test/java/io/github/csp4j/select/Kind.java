package io.github.csp4j.select;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelBuilder;
import io.github.csp4j.channels.OverflowPolicy;
import java.util.function.Consumer;

/** The channel kinds that every select rule is checked over. */
enum Kind {
    RENDEZVOUS, BUFFERED_1, BUFFERED_16, UNBOUNDED, CONFLATED, DROP_OLDEST, DROP_NEWEST;

    /** Capacity of the dropping kinds. */
    static final int DROPPING_CAPACITY = 4;

    <T> Channel<T> create() {
        return this.<T>builder().build();
    }

    /** A channel of this kind that hands every dropped element to {@code onDropped}. */
    <T> Channel<T> create(Consumer<? super T> onDropped) {
        return this.<T>builder().onUndeliveredElement(onDropped).build();
    }

    private <T> ChannelBuilder<T> builder() {
        ChannelBuilder<T> b = Channel.builder();
        return switch (this) {
            case RENDEZVOUS -> b;
            case BUFFERED_1 -> b.capacity(1);
            case BUFFERED_16 -> b.capacity(16);
            case UNBOUNDED -> b.unbounded();
            case CONFLATED -> b.conflated();
            case DROP_OLDEST -> b.capacity(DROPPING_CAPACITY).onOverflow(OverflowPolicy.DROP_OLDEST);
            case DROP_NEWEST -> b.capacity(DROPPING_CAPACITY).onOverflow(OverflowPolicy.DROP_NEWEST);
        };
    }

    /** Whether elements wait in a buffer (every kind but rendezvous). */
    boolean buffers() {
        return this != RENDEZVOUS;
    }

    /** Whether a send can wait for room (rendezvous and plain buffered); the others never wait. */
    boolean sendCanBlock() {
        return this == RENDEZVOUS || this == BUFFERED_1 || this == BUFFERED_16;
    }

    /** Buffer size: 0 for rendezvous, {@link Integer#MAX_VALUE} for unbounded. */
    int capacity() {
        return switch (this) {
            case RENDEZVOUS -> 0;
            case BUFFERED_1, CONFLATED -> 1;
            case BUFFERED_16 -> 16;
            case UNBOUNDED -> Integer.MAX_VALUE;
            case DROP_OLDEST, DROP_NEWEST -> DROPPING_CAPACITY;
        };
    }
}
