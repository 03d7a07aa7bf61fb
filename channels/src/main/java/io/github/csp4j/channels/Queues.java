package io.github.csp4j.channels;

import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;
import org.jctools.queues.atomic.SpmcAtomicArrayQueue;
import org.jctools.queues.atomic.SpscAtomicArrayQueue;
import org.jctools.queues.atomic.SpscUnboundedAtomicArrayQueue;

/**
 * Picks the JCTools queue that stores a buffered channel's elements.
 *
 * <p>We use JCTools' {@code atomic} flavours (field updaters and atomic arrays): the
 * {@code sun.misc.Unsafe} flavours print a deprecation warning on JDK 24 and later. Array queues
 * round their size up to a power of two; the channel keeps its exact capacity with its own
 * counter (which also counts elements still being polled), so the queue only needs to be at
 * least as large. Capacities above
 * {@link #LARGEST_ARRAY} (and unbounded channels) use a linked-chunk queue, so that a channel of a
 * million slots does not allocate a million-slot array up front.
 *
 * <p>JCTools has no Unsafe-free unbounded multi-consumer queue. For that case we take the
 * multi-producer single-consumer one and {@linkplain #consumersMustTakeTurns say} that consumers
 * must take turns polling. Small channels without hints ({@link #TAKE_TURNS_UP_TO}) do the same
 * by choice: in an MPMC array queue every slot has a sequence word that producers and consumers
 * both write, and when the two sides are never more than a few dozen elements apart those words
 * share cache lines that move between the cores on every element; the MPSC queue has no such
 * words, and the turn costs a consumer alone no write of its own (a {@link BufferedChannel}
 * keeps it in its take word, which its receives write anyway). Measured
 * (alternating forks, ratio of taking turns over MPMC, 2-3 rounds): 1 producer and 1 consumer
 * without hints, capacity 16 0.76x, 32 0.56x, 64 1.01x, 128 1.27x, 1024 1.31x; 4 producers x 4
 * consumers, capacity 16 0.79x, 32 0.65x, 64 0.68x, 128 1.20x, 1024 1.53x.
 */
final class Queues {
    /** The largest capacity stored in a preallocated array queue. */
    static final int LARGEST_ARRAY = 1 << 16;

    private static final int CHUNK = 1024;
    /**
     * Array queues of at most this many slots (capacity 64 with its slack) take turns among
     * consumers over an MPSC queue rather than use an MPMC one (class comment).
     */
    static final int TAKE_TURNS_UP_TO = 128;


    private Queues() {
    }

    static <T> MessagePassingQueue<T> create(int capacity, boolean singleProducer, boolean singleConsumer) {
        if (capacity > LARGEST_ARRAY) {
            return singleProducer && singleConsumer
                    ? new SpscUnboundedAtomicArrayQueue<>(CHUNK)
                    : new MpscUnboundedAtomicArrayQueue<>(CHUNK);
        }
        int size = Math.max(capacity, 4);
        if (singleProducer && singleConsumer) {
            return new SpscAtomicArrayQueue<>(size);
        }
        if (singleConsumer || consumersMustTakeTurns(capacity, singleProducer, singleConsumer)) {
            return new MpscAtomicArrayQueue<>(size);
        }
        if (singleProducer) {
            return new SpmcAtomicArrayQueue<>(size);
        }
        return new MpmcAtomicArrayQueue<>(size);
    }

    /**
     * Whether the queue {@link #create} picks for these arguments admits one consumer at a time
     * only, although the channel may have several: an unbounded or very large channel, or a small
     * one without hints.
     */
    static boolean consumersMustTakeTurns(int capacity, boolean singleProducer, boolean singleConsumer) {
        if (singleConsumer) {
            return false;
        }
        return capacity > LARGEST_ARRAY || (!singleProducer && capacity <= TAKE_TURNS_UP_TO);
    }
}
