package io.github.csp4j.channels.spi;

import java.util.concurrent.locks.LockSupport;

/**
 * How an operation waits, without a lock, for another thread to finish a step that thread has
 * already begun; and what a virtual thread does after losing a race for a word. Internal.
 *
 * <h2>Waiting for a step another thread has begun ({@link #awaitStep})</h2>
 * A send that reserved room offers its element a few instructions later; a receive that reserved
 * an element polls it a few instructions later; a thread interrupting a coroutine finishes its
 * {@code interrupt()} call. A thread that needs such a step done spins briefly, then yields,
 * then parks for growing intervals. It never only spins and never only yields: the thread it
 * waits for may be a virtual thread that sits, runnable, in the scheduler's shared queue. A
 * {@link java.util.concurrent.ForkJoinPool} worker runs the tasks of its own queue until that
 * queue is empty, and a virtual thread that yields while its worker's queue holds other tasks
 * goes back into that queue. So two waiters per carrier that only yielded would keep every
 * carrier busy with its own queue forever, and the thread they wait for would never run (a
 * 4 x 4 stress run hung so). A parked waiter leaves its carrier's queue.
 *
 * <p>An interrupted thread waits the same way, and keeps its interrupt status: its park would
 * return at once, so it clears the status, parks, and sets the status again. Setting it gives the
 * thread a park permit (an interrupt always unparks), so the next round first uses up that permit
 * with a park that returns at once and then parks for real. (Yielding instead, as an earlier
 * version did, starved the awaited thread as above once the chaos of a stress test had
 * interrupted two waiters per carrier.)
 *
 * <h2>After losing a race ({@link #afterLostRace})</h2>
 * A virtual thread whose CAS on a word that all threads of one side update lost to another
 * thread of that side yields once before trying again: the lost CAS shows that another thread is
 * using the word, and with several carriers each retry would pull the word's cache line away
 * from it again, while a yield lets the carrier run a thread of the other side instead. It waits
 * for no one (the race it lost was already decided), so yielding once cannot starve anyone. A
 * platform thread retries at once.
 */
public final class Backoff {
    /** Rounds that only spin: a running thread's next few instructions. */
    private static final int SPIN_ROUNDS = 64;
    /** Rounds (after the spins) that yield before the waiter parks. */
    private static final int YIELD_ROUNDS = 64;
    /** The first park, in nanoseconds; each later one doubles, up to {@link #MAX_PARK_NANOS}. */
    private static final long FIRST_PARK_NANOS = 1_000L;
    private static final long MAX_PARK_NANOS = 1_000_000L;
    /** Parks after which the interval stops doubling: {@code FIRST_PARK_NANOS << 10 > MAX_PARK_NANOS}. */
    private static final int DOUBLINGS = 10;

    private Backoff() {
    }

    /**
     * One round of waiting for another thread to finish a step it has begun; {@code round}
     * counts the rounds of this wait from 0. Never throws {@link InterruptedException} and keeps
     * the caller's interrupt status.
     */
    public static void awaitStep(int round) {
        if (round < SPIN_ROUNDS) {
            Thread.onSpinWait();
        } else if (round < SPIN_ROUNDS + YIELD_ROUNDS) {
            Thread.yield();
        } else {
            int parks = round - SPIN_ROUNDS - YIELD_ROUNDS;
            park(parks >= DOUBLINGS ? MAX_PARK_NANOS : FIRST_PARK_NANOS << parks);
        }
    }

    /**
     * One round of a wait that a virtual thread should not spin in at all, because each spin
     * re-reads a word that the awaited thread is about to write (a send waiting for room that
     * finishing receives hold): as {@link #awaitStep}, except that a virtual thread starts with
     * the yields. A platform thread spins first, as in {@code awaitStep}.
     */
    public static void awaitStepWithoutSpinning(int round) {
        awaitStep(Thread.currentThread().isVirtual() ? SPIN_ROUNDS + round : round);
    }

    /** Called after a CAS lost to another thread of the same side: a virtual thread yields once. */
    public static void afterLostRace() {
        if (Thread.currentThread().isVirtual()) {
            Thread.yield();
        }
    }

    /** Parks for {@code nanos}, even when interrupted, and keeps the interrupt status. */
    private static void park(long nanos) {
        if (!Thread.interrupted()) {
            LockSupport.parkNanos(Backoff.class, nanos);
            return;
        }
        // Interrupted: the status is cleared now, but the interrupt (or this method's last round)
        // left a permit, which the first park uses up at once; the second one parks.
        LockSupport.parkNanos(Backoff.class, nanos);
        LockSupport.parkNanos(Backoff.class, nanos);
        Thread.currentThread().interrupt();
    }
}
