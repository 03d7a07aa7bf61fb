package io.github.csp4j.channels.spi;

import java.util.concurrent.locks.ReentrantLock;

/**
 * What a channel offers to select: its lock, and registration of waiting nodes. Every channel
 * built by {@code Channel.builder()} implements it. Internal: exported to the select module only.
 *
 * <p>A select that found no clause ready locks the channels of all its clauses in ascending
 * {@link #id()} order (each once), registers one node per clause, and unlocks. Plain operations
 * take only one channel lock at a time, so this order rules out deadlock.
 */
public interface SelectableChannel {

    /** Outcome of a registration. */
    enum Registration {
        /** The node waits in the channel; a partner will claim and complete it. */
        WAITING,
        /** The operation could complete at once: the node's waiter was claimed for it and completed. */
        COMPLETED
    }

    /** Returned by {@link #tryReceiveRaw()} when nothing was ready. */
    Object NOTHING = new Object() {
        @Override
        public String toString() {
            return "NOTHING";
        }
    };

    /** Returned by {@link #tryReceiveRaw()} when the channel is closed and drained. */
    Object CLOSED = new Object() {
        @Override
        public String toString() {
            return "CLOSED";
        }
    };

    /**
     * {@code tryReceive()} without the result object: the element, {@link #NOTHING} or
     * {@link #CLOSED} (elements are never null and never these). Lets a ready select allocate
     * nothing.
     */
    Object tryReceiveRaw();

    /** A unique, stable number that orders channel locks. */
    long id();

    /** The channel's lock: held by every registration, unregistration and completion. */
    ReentrantLock lock();

    /**
     * Registers a receive node, or completes it at once when an element (or "closed") is ready,
     * in which case the node's waiter is claimed for it. A ready partner that belongs to the same
     * waiter is never used (a select never pairs with itself). Lock held.
     */
    Registration registerReceive(WaitNode node);

    /**
     * Registers a send node (its item is the element), or completes it at once when the element
     * can be delivered now or the channel is closed ({@link WaitNode#CLOSED}); the node's waiter
     * is then claimed for it. Lock held.
     */
    Registration registerSend(WaitNode node);

    /**
     * Whether the operation of {@code node}, registered here and still waiting, still cannot
     * complete. Lock held. While the caller holds the lock the answer can only turn from
     * {@code true} to {@code false}, never back: so if it is {@code true} for every clause of a
     * select that holds all its locks, there was one instant at which no clause could complete,
     * which is when a select may take its default clause.
     */
    boolean stillWaiting(WaitNode node);

    /**
     * Completes hand-overs that are owed but not done yet: elements already counted while
     * receivers wait, or room already freed while senders wait. Such a state lasts only until the
     * thread that made it gets the lock; a select that is about to decide on its default clause
     * holds the lock, so it settles them first (they may serve the select itself). Otherwise a
     * select that retries would keep finding a clause that "can complete" and take the lock
     * again and again, while the thread that would complete it waits for that lock. Lock held.
     */
    default void settleLocked() {
    }

    /**
     * Whether a thread about to park for an operation on this channel should first spin for
     * {@link Parking#HANDOFF_SPIN_NANOS}: {@code true} while spinning on this channel has
     * recently found partners (a rendezvous channel, where a hand-off between running threads
     * must not park). Each call counts as one operation of the channel's pause after a futile spin.
     * No lock needed.
     */
    default boolean spinBeforeParking() {
        return false;
    }

    /**
     * Reports how a spin that {@link #spinBeforeParking()} allowed ended: whether the partner
     * came while spinning. No lock needed.
     */
    default void spinEnded(boolean foundPartner) {
    }

    /** Unlinks {@code node} if it is still waiting in this channel. Lock held. */
    void unregister(WaitNode node);

    /**
     * Whether {@link #tryInstall} can ever succeed on this channel: a select whose clauses are all
     * on such channels waits without their locks. No lock needed.
     */
    default boolean installsLockFree() {
        return false;
    }

    /**
     * Makes {@code node}, a select's node whose waiter nobody has claimed yet, wait in this
     * channel without its lock, if nobody else waits and the channel is open; returns whether it
     * did. Once installed, a partner may claim the node at any time, without the lock: it first
     * unlinks the node and then claims the waiter, and completes the node if that claim wins. A
     * {@code false} return changed nothing: the select then registers under the locks. The caller
     * must {@link #withdraw} the node when its select ends, whichever clause won. No lock held.
     */
    default boolean tryInstall(WaitNode node) {
        return false;
    }

    /**
     * Unlinks {@code node}, registered by {@link #tryInstall} or under the lock, if it is still
     * waiting in this channel; takes the lock only if it has to. No lock held.
     */
    default void withdraw(WaitNode node) {
        lock().lock();
        try {
            unregister(node);
        } finally {
            lock().unlock();
        }
    }

    /**
     * Tells the channel that {@code node}, passed to {@link #tryInstall} by the calling select,
     * is out of it for good (withdrawn, claimed, or never installed), so that it may forget what
     * it recorded for the node. Called by the select's thread once per such node. No lock held.
     */
    default void released(WaitNode node) {
    }

    /** The exception a receive on this closed, drained channel throws. */
    RuntimeException closedForReceiveException();

    /** The exception a send on this closed channel throws. */
    RuntimeException closedForSendException();

    /** The cause this channel was closed with, or {@code null}. */
    Throwable closeCause();
}
