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
 * must take turns polling.
 */
final class Queues {
    /** The largest capacity stored in a preallocated array queue. */
    static final int LARGEST_ARRAY = 1 << 16;

    private static final int CHUNK = 1024;


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
        if (singleConsumer) {
            return new MpscAtomicArrayQueue<>(size);
        }
        if (singleProducer) {
            return new SpmcAtomicArrayQueue<>(size);
        }
        return new MpmcAtomicArrayQueue<>(size);
    }

    /** Whether the queue {@link #create} picks for these arguments admits one consumer at a time only. */
    static boolean consumersMustTakeTurns(int capacity, boolean singleConsumer) {
        return capacity > LARGEST_ARRAY && !singleConsumer;
    }
}
