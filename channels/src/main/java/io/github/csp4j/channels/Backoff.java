package io.github.csp4j.channels;

import java.util.concurrent.locks.LockSupport;

/**
 * How a channel operation waits on another thread's progress without a lock: the two kinds of
 * wait in the lock-free paths.
 *
 * <h2>Waiting for a step another thread has begun ({@link #awaitStep})</h2>
 * A send that reserved room offers its element a few instructions later; a receive that reserved
 * an element polls it a few instructions later. A thread that needs that step done (a receive
 * polling the element a send reserved, a send waiting for room a receive is freeing) spins
 * briefly, then yields, then parks for growing intervals. Never only spin, and never only
 * yield: the thread waited for may be a virtual thread that itself yielded and sits in the
 * scheduler's shared queue. A {@link java.util.concurrent.ForkJoinPool} worker runs the tasks of
 * its own queue until that queue is empty, and a yielding virtual thread goes back into its
 * worker's queue; so carriers busy with threads that only yield while they wait never reach the
 * shared queue, and the thread they wait for never runs (found by a 4 x 4 stress run that hung).
 * A parked waiter leaves its carrier's queue, which lets the carrier get to the shared queue.
 *
 * <h2>After losing a race ({@link #afterLostRace})</h2>
 * A reservation is one CAS on a word that all threads of one side update. When that CAS fails
 * because another reservation on the same side won, a virtual thread yields before trying
 * again: the CAS it lost shows that another thread is using the word, and with two carriers each
 * retry would move the word's cache line between them again, while a yield lets the carrier run
 * a thread of the other side (measured: 4 producers x 4 consumers on a capacity-1024 channel,
 * about 3.5 times as fast). It waits for no one (the race it lost was already decided), so
 * yielding once cannot starve a partner. A platform thread retries at once; losing to a waiter's
 * flag does not count as contention (yielding there only delays the hand-over to that waiter).
 */
final class Backoff {
    /** Attempts that only spin: a running thread's next few instructions. */
    private static final int SPIN_ATTEMPTS = 64;
    /** Attempts (after the spins) that yield before the waiter parks. */
    private static final int YIELD_ATTEMPTS = 64;
    /** The first park, in nanoseconds; each later one doubles, up to {@link #MAX_PARK_NANOS}. */
    private static final long FIRST_PARK_NANOS = 1_000L;
    private static final long MAX_PARK_NANOS = 1_000_000L;

    private Backoff() {
    }

    /**
     * One round of waiting for another thread to finish a step it has begun; {@code attempt}
     * counts the rounds of this wait from 0. Keeps the interrupt status: an interrupted thread
     * still parks (the status is cleared around the park and set again).
     */
    static void awaitStep(int attempt) {
        if (attempt < SPIN_ATTEMPTS) {
            Thread.onSpinWait();
        } else if (attempt < SPIN_ATTEMPTS + YIELD_ATTEMPTS) {
            Thread.yield();
        } else {
            int parks = attempt - SPIN_ATTEMPTS - YIELD_ATTEMPTS;
            long nanos = parks >= 10 ? MAX_PARK_NANOS : Math.min(FIRST_PARK_NANOS << parks, MAX_PARK_NANOS);
            boolean interrupted = Thread.interrupted(); // or the park returns at once
            LockSupport.parkNanos(Backoff.class, nanos);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a reservation CAS lost to another reservation on the same side. */
    static void afterLostRace() {
        if (Thread.currentThread().isVirtual()) {
            Thread.yield();
        }
    }
}
