package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.Waiter;
import io.github.csp4j.channels.spi.WaitQueue;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The rendezvous channel (capacity 0): a send completes only when a receiver takes the element.
 *
 * <h2>Algorithm</h2>
 * Go's unbuffered channel: under the channel lock, an operation looks for a waiting partner of
 * the other direction; if one is live it claims the partner's waiter (one CAS, which also decides
 * a select), transfers the element directly into or out of the partner's node, and wakes it.
 * Otherwise it enqueues its own node and waits, spinning briefly on its own node before parking
 * ({@link io.github.csp4j.channels.spi.Parking}), so that two running threads hand over without
 * ever parking. There is no buffer: {@code onUndelivered} is never called.
 *
 * <h2>Invariants</h2>
 * Live senders and live receivers never wait at the same time, except nodes of one select that
 * offers both directions (it never pairs with itself). After close, waiting senders stay and are
 * still received; once none is left, receivers see "closed". {@code waitingSenders} and
 * {@code waitingReceivers} mirror the queue sizes (counting nodes not yet purged), written under
 * the lock and read without it, so that a try-operation with no partner answers without locking:
 * reading zero means no node was registered at that instant. To answer "closed" a receive reads
 * {@code closed} first and the sender count after it: once closed, no sender can register.
 */
final class RendezvousChannel<T> extends AbstractChannel<T> {
    private final WaitQueue senders = new WaitQueue(); // guarded by lock
    private final WaitQueue receivers = new WaitQueue(); // guarded by lock
    private volatile int waitingSenders;
    private volatile int waitingReceivers;
    private volatile boolean closed;

    RendezvousChannel(Consumer<? super T> onUndelivered) {
        super(onUndelivered);
    }

    @Override
    public SendResult trySend(T element) {
        Objects.requireNonNull(element, "element");
        if (waitingReceivers == 0) {
            return closed ? SendResult.CLOSED : SendResult.FULL;
        }
        lock.lock();
        try {
            if (closed) {
                return SendResult.CLOSED;
            }
            WaitNode partner = claimPartnerLocked(receivers, null);
            if (partner == null) {
                return SendResult.FULL;
            }
            partner.complete(element, WaitNode.DONE);
            return SendResult.SENT;
        } finally {
            lock.unlock();
        }
    }

    @Override
    Object tryReceiveInternal() {
        if (waitingSenders == 0) {
            if (!closed) {
                return EMPTY;
            }
            if (waitingSenders == 0) {
                return CLOSED; // read after closed: no sender can register any more
            }
        }
        lock.lock();
        try {
            WaitNode partner = claimPartnerLocked(senders, null);
            if (partner == null) {
                return closed ? CLOSED : EMPTY;
            }
            Object element = partner.item();
            partner.complete(null, WaitNode.DONE);
            return element;
        } finally {
            lock.unlock();
        }
    }

    // ---- registration (lock held) ---------------------------------------------------------------

    @Override
    public Registration registerReceive(WaitNode node) {
        WaitNode partner = claimPartnerLocked(senders, node.waiter());
        if (partner != null) {
            claimOwn(node);
            Object element = partner.item();
            partner.complete(null, WaitNode.DONE);
            node.complete(element, WaitNode.DONE);
            return Registration.COMPLETED;
        }
        if (closed && senders.firstLive(node.waiter()) == null) {
            claimOwn(node);
            node.complete(null, WaitNode.CLOSED);
            return Registration.COMPLETED;
        }
        receivers.add(node);
        waitingReceivers = receivers.size();
        return Registration.WAITING;
    }

    @Override
    public Registration registerSend(WaitNode node) {
        if (closed) {
            claimOwn(node);
            node.complete(null, WaitNode.CLOSED);
            return Registration.COMPLETED;
        }
        WaitNode partner = claimPartnerLocked(receivers, node.waiter());
        if (partner != null) {
            claimOwn(node);
            Object element = node.item();
            node.complete(null, WaitNode.DONE);
            partner.complete(element, WaitNode.DONE);
            return Registration.COMPLETED;
        }
        senders.add(node);
        waitingSenders = senders.size();
        return Registration.WAITING;
    }

    /** Every operation on this channel takes the lock, so a registered node's situation is fixed. */
    @Override
    public boolean stillWaiting(WaitNode node) {
        return true;
    }

    @Override
    public void unregister(WaitNode node) {
        if (node.isSend()) {
            if (senders.remove(node)) {
                waitingSenders = senders.size();
                closeReceiversIfDrainedLocked();
            }
        } else if (receivers.remove(node)) {
            waitingReceivers = receivers.size();
        }
    }

    /**
     * Claims the first live waiter in {@code queue} other than {@code self} and unlinks it;
     * returns {@code null} when there is none. Dead nodes met on the way are purged.
     */
    private WaitNode claimPartnerLocked(WaitQueue queue, Waiter self) {
        WaitNode partner;
        for (;;) {
            partner = queue.firstLive(self);
            if (partner == null || partner.waiter().tryClaim(partner)) {
                break;
            }
            queue.remove(partner);
        }
        if (partner != null) {
            queue.remove(partner);
        }
        if (queue == senders) {
            waitingSenders = senders.size();
        } else {
            waitingReceivers = receivers.size();
        }
        return partner;
    }

    /** Once closed and no sender is left, every waiting receiver sees "closed". */
    private void closeReceiversIfDrainedLocked() {
        if (!closed || senders.firstLive(null) != null) {
            return;
        }
        for (WaitNode n; (n = receivers.peek()) != null; ) {
            receivers.remove(n);
            if (n.waiter().tryClaim(n)) {
                n.complete(null, WaitNode.CLOSED);
            }
        }
        waitingReceivers = 0;
        waitingSenders = senders.size();
    }

    // ---- close and cancel -----------------------------------------------------------------------

    @Override
    boolean closeInternal(Throwable cause) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closeCause = cause;
            closed = true;
            closeReceiversIfDrainedLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean cancel() {
        lock.lock();
        try {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            closed = true;
            for (WaitNode n; (n = senders.peek()) != null; ) {
                senders.remove(n);
                if (n.waiter().tryClaim(n)) {
                    n.complete(null, WaitNode.CLOSED); // the sender keeps its element
                }
            }
            waitingSenders = 0;
            closeReceiversIfDrainedLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---- introspection --------------------------------------------------------------------------

    @Override
    public ChannelKind kind() {
        return ChannelKind.RENDEZVOUS;
    }

    @Override
    public int capacity() {
        return 0;
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public boolean isClosedForSend() {
        return closed;
    }

    @Override
    public boolean isClosedForReceive() {
        return closed && waitingSenders == 0;
    }

    @Override
    public String toString() {
        return "Channel[RENDEZVOUS, size=0, waiting receivers=" + waitingReceivers + ", waiting senders=" + waitingSenders
                + ", " + stateName(closed) + "]";
    }
}
