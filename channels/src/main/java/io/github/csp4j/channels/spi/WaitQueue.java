package io.github.csp4j.channels.spi;

/**
 * A FIFO of {@link WaitNode}s waiting on one channel for one direction: an intrusive doubly
 * linked list, so that a node leaves in O(1) when its waiter gives up. All methods assume the
 * owning channel's lock is held. Internal.
 */
public final class WaitQueue {
    private WaitNode head;
    private WaitNode tail;
    private int size;

    /** Appends {@code n}. Lock held. */
    public void add(WaitNode n) {
        n.prev = tail;
        n.next = null;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        n.linked = true;
        size++;
    }

    /** Returns the first node, or {@code null}. Lock held. */
    public WaitNode peek() {
        return head;
    }

    /** Unlinks {@code n} if it is still linked; returns whether it was. Lock held. */
    public boolean remove(WaitNode n) {
        if (!n.linked) {
            return false;
        }
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
        n.linked = false;
        size--;
        return true;
    }

    /**
     * Returns the first node whose waiter is still waiting and is not {@code self}, unlinking
     * the dead nodes met on the way (waiters claimed elsewhere or cancelled). Lock held.
     */
    public WaitNode firstLive(Waiter self) {
        WaitNode n = head;
        while (n != null) {
            WaitNode next = n.next;
            if (!n.waiter().isWaiting()) {
                remove(n);
            } else if (n.waiter() != self) {
                return n;
            }
            n = next;
        }
        return null;
    }

    /**
     * Returns whether {@code n} is linked in this queue, given that it can only ever be linked in
     * this one (a channel keeps the nodes of one direction in one queue). Lock held.
     */
    public boolean contains(WaitNode n) {
        return n.linked;
    }

    /**
     * Unlinks every node, and completes each whose waiter is still waiting with
     * {@link WaitNode#CLOSED} (a send keeps its element; a waiter claimed elsewhere or cancelled
     * is only unlinked). What a close or cancel does to the waiters it ends. Lock held.
     */
    public void completeAllClosed() {
        for (WaitNode n; (n = head) != null; ) {
            remove(n);
            if (n.waiter().tryClaim(n)) {
                n.complete(null, WaitNode.CLOSED);
            }
        }
    }

    /** Returns whether the queue is empty. Lock held. */
    public boolean isEmpty() {
        return head == null;
    }

    /** Returns the number of nodes. Lock held. */
    public int size() {
        return size;
    }
}
