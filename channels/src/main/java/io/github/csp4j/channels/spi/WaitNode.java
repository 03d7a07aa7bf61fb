package io.github.csp4j.channels.spi;

import java.util.concurrent.locks.LockSupport;

/**
 * A waiter's registration on one channel: a pending send (with its element) or a pending
 * receive. Internal: exported to the select module only. The node of a plain operation is its
 * own {@link Waiter}; the nodes of a select share the select's waiter (their own waiter fields
 * go unused).
 *
 * <p>Fields {@code prev}, {@code next} and {@code linked} belong to the channel's
 * {@link WaitQueue} and are guarded by that channel's lock. {@code item} is written by the
 * owner before registration (send) or by the completer before {@link #complete} (receive);
 * {@code status} is volatile and published last, so whoever reads a completed status sees the item.
 */
public final class WaitNode extends Waiter {
    /** Not completed yet. */
    public static final int PENDING = 0;
    /** Completed: the element was transferred. */
    public static final int DONE = 1;
    /** Completed because the channel is closed (receive: closed and drained; send: closed). */
    public static final int CLOSED = 2;

    private final Waiter waiter;
    private final boolean send;
    private final int clause;
    private Object item;
    private volatile int status;

    WaitNode prev;
    WaitNode next;
    boolean linked;

    /**
     * A node of {@code waiter}.
     *
     * @param send whether it is a send ({@code item} is the element) or a receive
     * @param clause the index of the select clause it stands for (0 for plain operations)
     * @param item the element to send, or {@code null} for a receive
     */
    public WaitNode(Waiter waiter, boolean send, int clause, Object item) {
        this.waiter = java.util.Objects.requireNonNull(waiter, "waiter");
        this.send = send;
        this.clause = clause;
        this.item = item;
    }

    /**
     * The node of a plain send or receive of the calling thread: the node is its own waiter.
     *
     * @param send whether it is a send ({@code item} is the element) or a receive
     * @param item the element to send, or {@code null} for a receive
     */
    public WaitNode(boolean send, Object item) {
        this.waiter = this;
        this.send = send;
        this.clause = 0;
        this.item = item;
    }

    /** Returns the waiter this node belongs to: itself for a plain operation, the select's waiter for a clause. */
    public Waiter waiter() {
        return waiter;
    }

    /** Returns whether this is a pending send. */
    public boolean isSend() {
        return send;
    }

    /** Returns the select clause index. */
    public int clause() {
        return clause;
    }

    /** Returns the element: the one to send, or the one received once completed. */
    public Object item() {
        return item;
    }

    /** Returns {@link #PENDING}, {@link #DONE} or {@link #CLOSED}. */
    public int status() {
        return status;
    }

    /**
     * Completes a claimed node and wakes its thread. Called by the party that claimed the waiter
     * for this node, after the transfer.
     *
     * @param received the element received (receive nodes), ignored for sends
     * @param newStatus {@link #DONE} or {@link #CLOSED}
     */
    public void complete(Object received, int newStatus) {
        if (!send) {
            item = received;
        } else if (newStatus == DONE) {
            item = null; // the channel owns the element now
        }
        status = newStatus;
        // Only a waiter that announced a park needs waking (Waiter.parking: the Dekker pair); a
        // registration that completed itself never parked.
        if (waiter.mayBeParked()) {
            LockSupport.unpark(waiter.thread);
        }
    }

    /**
     * Completes the calling thread's own node, which a partner claimed without touching it (a
     * rendezvous channel with both hints hands over in the channel's own fields): records the
     * outcome for the caller to read, and wakes nobody.
     *
     * @param received the element received (receive nodes), ignored for sends
     */
    public void completeOwn(Object received) {
        item = send ? null : received;
        status = DONE;
    }

    @Override
    public String toString() {
        return (send ? "send(" + item + ")" : "receive") + "#" + clause;
    }
}
