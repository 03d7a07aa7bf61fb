package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.Backoff;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.MessagePassingQueue;

/**
 * A buffered channel's storage: the JCTools queue that {@link Queues} picks, used only for
 * elements whose room or presence the channel has already reserved in its own counters. So an
 * offer never meets a queue that stays full and a poll never meets one that stays empty; either
 * can only meet another thread a few instructions away from its own offer or poll, and waits for
 * it ({@link Backoff#awaitStep}).
 *
 * <p>When the queue admits one consumer at a time ({@link Queues#consumersMustTakeTurns}), the
 * consumers take turns polling: in a queue made {@link #withOwnTurns} each poll takes and gives
 * back a turn of the queue's own (a CAS and a release store); in one made
 * {@link #withCallerTurns} the channel lets one thread poll at a time itself, at no extra cost
 * (see {@link BufferedChannel}'s poll turn).
 */
final class ElementQueue<T> {
    private final MessagePassingQueue<T> queue;
    /** Non-null when this queue gives consumers their turns itself. */
    private final AtomicBoolean pollTurn;
    /** Whether consumers must take turns, and the caller gives them their turns. */
    private final boolean turnsByCaller;

    private ElementQueue(int slots, boolean singleProducer, boolean singleConsumer, boolean turnsByCaller) {
        this.queue = Queues.create(slots, singleProducer, singleConsumer);
        boolean turns = Queues.consumersMustTakeTurns(slots, singleProducer, singleConsumer);
        this.turnsByCaller = turns && turnsByCaller;
        this.pollTurn = turns && !turnsByCaller ? new AtomicBoolean() : null;
    }

    /** A queue whose polls take turns by themselves where the queue needs it. */
    static <T> ElementQueue<T> withOwnTurns(int slots, boolean singleProducer, boolean singleConsumer) {
        return new ElementQueue<>(slots, singleProducer, singleConsumer, false);
    }

    /**
     * A queue whose caller lets one thread poll at a time where {@link #consumersTakeTurns} says
     * so; its polls never take a turn themselves.
     */
    static <T> ElementQueue<T> withCallerTurns(int slots, boolean singleProducer, boolean singleConsumer) {
        return new ElementQueue<>(slots, singleProducer, singleConsumer, true);
    }

    /** Whether the caller must let one thread poll at a time (never for {@link #withOwnTurns}). */
    boolean consumersTakeTurns() {
        return turnsByCaller;
    }

    /** Offers an element whose room was reserved, waiting for a poll still under way if the queue is full. */
    void offerReserved(T element) {
        for (int i = 0; !queue.offer(element); i++) {
            Backoff.awaitStep(i);
        }
    }

    /** Polls a reserved element, waiting for its offer if its sender is still between reservation and offer. */
    T pollReserved() {
        T e;
        for (int i = 0; (e = poll()) == null; i++) {
            Backoff.awaitStep(i);
        }
        return e;
    }

    private T poll() {
        if (pollTurn == null) {
            return queue.poll();
        }
        for (int i = 0; !pollTurn.compareAndSet(false, true); i++) {
            Backoff.awaitStep(i);
        }
        try {
            return queue.poll();
        } finally {
            // Given back as a lock is released: the consumer whose CAS takes the turn next sees
            // this poll. Nothing reads the turn except that CAS, so a volatile store's extra
            // fence ordered nothing (against it: 1.02x, within noise; benchmarks/ANALYSIS.md).
            pollTurn.setRelease(false);
        }
    }

    @Override
    public String toString() {
        return queue.getClass().getSimpleName();
    }
}
