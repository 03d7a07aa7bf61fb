package io.github.csp4j.channels.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One blocking call that waits on one or more channels: a plain send or receive (one
 * {@link WaitNode}) or a select (one node per clause). Internal: exported to the select module only.
 *
 * <h2>Protocol</h2>
 * The waiter's {@code state} starts {@code null} (waiting) and moves once, by CAS, either to the
 * {@link WaitNode} that won ({@link #tryClaim}) or to {@link #CANCELLED} ({@link #tryCancel}).
 * Exactly one party wins that CAS, which is what makes a select complete exactly one clause.
 *
 * <p>A claim is made by a thread holding the lock of the winning node's channel, or, for a node
 * that a select installed lock-free ({@link SelectableChannel#tryInstall}), by the thread that
 * has just unlinked that node by CAS; it is followed at once by the transfer and by
 * {@link WaitNode#complete}. The waiting thread, having seen its state claimed, waits for that
 * completion by parking ({@link Parking#awaitCompletion}), never by spinning on an unbounded step.
 *
 * <p>A select holds the locks of all its channels while it registers, and has no node installed
 * lock-free then, so nobody can claim it during registration: a registration that finds a
 * partner ready may claim the select itself without racing anyone.
 *
 * <p>A plain send or receive has one node, which is its own waiter ({@link WaitNode#WaitNode(boolean, Object)}):
 * one object per wait, and a partner that completes it touches one object instead of two.
 */
public sealed class Waiter permits WaitNode {
    /** The state of a waiter whose wait was abandoned (interrupt, timeout, or select cleanup). */
    static final Object CANCELLED = new Object() {
        @Override
        public String toString() {
            return "CANCELLED";
        }
    };

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread;
    private volatile Object state;
    /**
     * Set by the waiting thread, once, before it first parks; a completer unparks only if it reads
     * it set. Dekker pair with {@code state} and {@link WaitNode#status()}: the waiter writes this
     * flag and then re-reads the state (or status) before parking; the completer writes the state
     * (claim) and the status and then reads this flag. All four are volatile, so in their total
     * order either the completer sees the flag (and unparks) or the waiter sees the completion
     * (and does not park). A waiter still spinning is thus never unparked: no permit left behind,
     * no wasted wake-up of a running virtual thread.
     */
    private volatile boolean parking;

    /** A waiter for the calling thread. */
    public Waiter() {
        this.thread = Thread.currentThread();
    }

    /** Returns the thread that waits. */
    public Thread thread() {
        return thread;
    }

    /** Claims this waiter for {@code node}; returns whether this call won. */
    public boolean tryClaim(WaitNode node) {
        return state == null && STATE.compareAndSet(this, null, node);
    }

    /** Abandons the wait; returns whether this call won (nobody claimed the waiter before). */
    public boolean tryCancel() {
        return state == null && STATE.compareAndSet(this, null, CANCELLED);
    }

    /** Returns whether nobody has claimed or cancelled this waiter yet. */
    public boolean isWaiting() {
        return state == null;
    }

    /** Returns the node that won, or {@code null} if still waiting or cancelled. */
    public WaitNode winner() {
        return state instanceof WaitNode n ? n : null;
    }

    /**
     * Announces that the waiting thread is about to park. Returns {@code true} if this call set
     * the flag: the caller must then re-check its condition before parking.
     */
    boolean announcePark() {
        if (parking) {
            return false;
        }
        parking = true;
        return true;
    }

    /** Whether the waiting thread may be parked (or about to park): completers must unpark it. */
    boolean mayBeParked() {
        return parking;
    }

    /** Returns whether the waiter was cancelled. */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    @Override
    public String toString() {
        Object s = state;
        return "Waiter[" + thread + ", " + (s == null ? "waiting" : s) + "]";
    }
}
