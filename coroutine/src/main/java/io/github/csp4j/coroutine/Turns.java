package io.github.csp4j.coroutine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Tickets served in order: the holder of ticket {@code n} may proceed once ticket {@code n - 1}
 * has {@linkplain #pass passed}. The ordered parallel map numbers its batches with tickets and
 * lets each worker emit its results only on its turn. Internal.
 *
 * <pre>
 * Implementation notes.
 *
 * At most "slots" consecutive tickets are ever outstanding (each worker holds at most one, and a
 * worker claims a new ticket only after passing its last; turns pass in ticket order), so a
 * waiter parks in slot ticket % slots and no two outstanding tickets share a slot. The waiter
 * publishes itself in its slot and then re-reads the turn; the passer writes the turn and then
 * reads the slot: both volatile, so either the waiter sees its turn or the passer sees the waiter
 * and unparks it. An unpark that reaches a thread that has moved on is a spurious wake-up, which
 * every park loop tolerates. No lock, no monitor: waiting is LockSupport.park, which answers
 * interrupts.
 * </pre>
 */
final class Turns {
    private final AtomicLong turn = new AtomicLong();
    private final AtomicReferenceArray<Thread> waiting;
    private final int slots;

    /** @param slots the most tickets outstanding at once (the number of workers) */
    Turns(int slots) {
        this.slots = slots;
        this.waiting = new AtomicReferenceArray<>(slots);
    }

    /** Waits until it is {@code ticket}'s turn. */
    void await(long ticket) throws InterruptedException {
        if (turn.get() == ticket) {
            return;
        }
        int slot = (int) (ticket % slots);
        Thread me = Thread.currentThread();
        waiting.set(slot, me);
        try {
            while (turn.get() != ticket) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiting.compareAndSet(slot, me, null);
        }
    }

    /** Ends {@code ticket}'s turn (the caller holds it): the next ticket may proceed. */
    void pass(long ticket) {
        long next = ticket + 1;
        turn.set(next);
        Thread t = waiting.get((int) (next % slots));
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
