package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;
import org.jctools.queues.atomic.SpmcAtomicArrayQueue;
import org.jctools.queues.atomic.SpscAtomicArrayQueue;
import org.junit.jupiter.api.Test;

/**
 * Which JCTools queue stores a buffered channel's elements, and whether its consumers must take
 * turns: a queue that admits one consumer at a time must never be handed to several consumers
 * without turns (the exactly-once guarantees of the stress tests rest on it).
 */
class QueuesTest {

    /** Proves: every multi-consumer choice of a single-consumer queue comes with turns, and only those. */
    @Test
    void aSingleConsumerQueueServesSeveralConsumersOnlyByTurns() {
        for (int slots : new int[] {4, 32, Queues.TAKE_TURNS_UP_TO, Queues.TAKE_TURNS_UP_TO + 1, 2048,
                Queues.LARGEST_ARRAY, Queues.LARGEST_ARRAY + 1}) {
            for (boolean sp : new boolean[] {false, true}) {
                for (boolean sc : new boolean[] {false, true}) {
                    Class<?> type = Queues.create(slots, sp, sc).getClass();
                    boolean oneConsumer = type == MpscAtomicArrayQueue.class || type == MpscUnboundedAtomicArrayQueue.class
                            || type == SpscAtomicArrayQueue.class || type.getSimpleName().startsWith("Spsc");
                    boolean turns = Queues.consumersMustTakeTurns(slots, sp, sc);
                    String what = slots + " slots, sp=" + sp + ", sc=" + sc + ": " + type.getSimpleName();
                    assertEquals(!sc && oneConsumer, turns, what);
                }
            }
        }
    }

    /** Proves the size rule: small unhinted channels take turns over an MPSC queue, larger ones use the MPMC queue. */
    @Test
    void smallUnhintedChannelsTakeTurnsLargerOnesUseTheMpmcQueue() {
        assertEquals(MpscAtomicArrayQueue.class, Queues.create(Queues.TAKE_TURNS_UP_TO, false, false).getClass());
        assertTrue(Queues.consumersMustTakeTurns(Queues.TAKE_TURNS_UP_TO, false, false));
        assertEquals(MpmcAtomicArrayQueue.class, Queues.create(Queues.TAKE_TURNS_UP_TO + 1, false, false).getClass());
        assertFalse(Queues.consumersMustTakeTurns(Queues.TAKE_TURNS_UP_TO + 1, false, false));
        assertEquals(SpmcAtomicArrayQueue.class, Queues.create(16, true, false).getClass(), "a single producer keeps the SPMC queue");
        assertFalse(Queues.consumersMustTakeTurns(16, true, false));
    }
}
