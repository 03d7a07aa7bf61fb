package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.WaitQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jctools.queues.MessagePassingQueue;

/**
 * Buffered, unbounded, conflated and dropping channels: elements live in a JCTools queue; one
 * state word beside it says how many, whether the channel is closed, and whether anyone waits.
 *
 * <h2>Invariants</h2>
 * The state word {@code state} holds:
 * <ul>
 *   <li>{@code count} (low bits): elements reserved by senders and not yet reserved by receivers.
 *       A sender reserves ({@code count+1} by CAS) before it offers to the queue. A receiver
 *       reserves ({@code count-1} and {@code inFlight+1}, one CAS) before it polls, and frees the
 *       room ({@code inFlight-1}) after the poll.</li>
 *   <li>{@code inFlight}: receivers between their reservation and the end of their poll. The
 *       capacity bounds {@code used = count + inFlight}, so room is freed only once an element
 *       has left the queue: a send can never overtake an element that a receiver has reserved
 *       but not yet taken (that would break FIFO linearizability between racing receivers).
 *       {@code 0 <= used <= capacity} always, so the queue, sized at least {@code capacity},
 *       never refuses an offer into reserved room. A receiver that reserved always finds its
 *       element; at worst it waits for a sender between its CAS and its offer, a running thread
 *       a few instructions from done.</li>
 *   <li>{@code CLOSED}: no new send may reserve. Senders that were waiting at close are still
 *       admitted by the receivers that move them in.</li>
 *   <li>{@code RECEIVERS_WAITING}: set (under the lock) only while {@code count == 0}, when a
 *       receiver registers to wait; cleared (under the lock) when no live receiver waits.</li>
 *   <li>{@code SENDERS_WAITING}: set (under the lock) only while {@code used == capacity};
 *       cleared when no live sender waits.</li>
 * </ul>
 *
 * <h2>Fast path (no lock)</h2>
 * A send CASes {@code count+1} only if the word shows room, open, and no sender waiting; a
 * receive reserves only if it shows an element and no receiver waiting. Because the
 * waiting flags live in the same word, an atomic update that succeeds also tells its thread,
 * atomically, whether the other side is waiting: a sender whose CAS saw {@code RECEIVERS_WAITING}
 * takes the lock after offering and hands elements to waiting receivers in arrival order; a
 * receiver whose room-freeing add saw {@code SENDERS_WAITING} moves waiting senders' elements into
 * the freed room. A waiter sets its flag by CAS on the same word and re-checks {@code count} or
 * {@code used} in that CAS, so a wake-up
 * cannot be lost (the Dekker pair collapses into one word). While a flag is set, fast-path CASes
 * of that side fail: nobody overtakes a waiting party, which gives first come, first served.
 *
 * <h2>Slow path (lock)</h2>
 * Registration, hand-over to waiters, close and cancel run under the channel's
 * {@link java.util.concurrent.locks.ReentrantLock}. Methods named {@code ...Locked} assume it.
 * While {@code RECEIVERS_WAITING} is set only lock holders decrement {@code count}; while
 * {@code SENDERS_WAITING} is set only lock holders increment it (so {@code used} only falls). Those are the facts the hand-over
 * loops rely on.
 *
 * <h2>Why it does not spin a virtual thread needlessly</h2>
 * Before registering, a blocked call spins at most {@link Parking#SPINS} iterations reading the
 * state word (skipped on one CPU), then parks. The only other waits are for a reserved element to
 * appear in the queue, where the sender is between two adjacent steps on a running thread.
 */
final class BufferedChannel<T> extends AbstractChannel<T> {
    private static final long CLOSED_BIT = 1L << 62;
    private static final long RECEIVERS_WAITING = 1L << 61;
    private static final long SENDERS_WAITING = 1L << 60;
    /** One receiver between reserving an element and finishing its poll. */
    private static final long IN_FLIGHT = 1L << 40;
    private static final long IN_FLIGHT_BITS = ((1L << 20) - 1) << 40;
    private static final long COUNT = IN_FLIGHT - 1;
    /** A batch reserves at most this many elements per CAS, so the in-flight field cannot overflow. */
    private static final int MAX_BATCH_RESERVATION = 1 << 12;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(BufferedChannel.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long state;

    private final ChannelKind kind;
    private final int capacity;
    private final OverflowPolicy overflow;
    private final MessagePassingQueue<T> queue;
    /** Non-null when the queue admits one consumer at a time: consumers take turns polling. */
    private final AtomicBoolean pollTurn;

    private final WaitQueue receivers = new WaitQueue(); // guarded by lock
    private final WaitQueue senders = new WaitQueue(); // guarded by lock

    BufferedChannel(ChannelKind kind, int capacity, OverflowPolicy overflow, Consumer<? super T> onUndelivered,
            boolean singleProducer, boolean singleConsumer) {
        super(onUndelivered);
        this.kind = kind;
        this.capacity = capacity;
        this.overflow = overflow;
        // Dropping the oldest element polls from the sending thread: that needs a multi-consumer queue.
        boolean sc = singleConsumer && overflow != OverflowPolicy.DROP_OLDEST;
        this.queue = Queues.create(capacity, singleProducer, sc);
        this.pollTurn = Queues.consumersMustTakeTurns(capacity, sc) ? new AtomicBoolean() : null;
    }

    // ---- send -----------------------------------------------------------------------------------

    @Override
    public SendResult trySend(T element) {
        Objects.requireNonNull(element, "element");
        for (;;) {
            long s = state;
            if ((s & CLOSED_BIT) != 0) {
                return SendResult.CLOSED;
            }
            if ((s & SENDERS_WAITING) != 0 || used(s) >= capacity) {
                if ((s & SENDERS_WAITING) == 0 && (s & COUNT) < capacity) {
                    // The room is held only by receivers that already took their elements and
                    // are finishing their polls: it is free in every linearization, so wait the
                    // few instructions for it rather than answer FULL spuriously.
                    Thread.onSpinWait();
                    continue;
                }
                return overflow == OverflowPolicy.BLOCK ? SendResult.FULL : sendOverflowing(element);
            }
            if (STATE.weakCompareAndSet(this, s, s + 1)) {
                offerReserved(element);
                if ((s & RECEIVERS_WAITING) != 0) {
                    lock.lock();
                    try {
                        handToReceiversLocked();
                    } finally {
                        lock.unlock();
                    }
                }
                return SendResult.SENT;
            }
        }
    }

    @Override
    SendResult sendBeforeParking(T element) {
        for (int i = Parking.SPINS; i > 0; i--) {
            Thread.onSpinWait();
            long s = state;
            if ((s & SENDERS_WAITING) != 0) {
                break; // others wait already: queue up behind them
            }
            if (used(s) < capacity || (s & CLOSED_BIT) != 0) {
                SendResult r = trySend(element);
                if (r != SendResult.FULL) {
                    return r;
                }
            }
        }
        return SendResult.FULL;
    }

    /** A full dropping channel: drop the new element, or the oldest ones until the new one fits. */
    private SendResult sendOverflowing(T element) {
        if (overflow == OverflowPolicy.DROP_NEWEST) {
            onUndelivered.accept(element);
            return SendResult.SENT;
        }
        List<T> dropped = new ArrayList<>(1);
        SendResult r;
        lock.lock();
        try {
            r = sendDroppingOldestLocked(element, dropped);
        } finally {
            lock.unlock();
        }
        deliverUndelivered(dropped);
        return r;
    }

    private SendResult sendDroppingOldestLocked(T element, List<T> dropped) {
        for (;;) {
            long s = state;
            if ((s & CLOSED_BIT) != 0) {
                return SendResult.CLOSED;
            }
            if (used(s) < capacity) {
                if (STATE.compareAndSet(this, s, s + 1)) {
                    offerReserved(element);
                    if ((s & RECEIVERS_WAITING) != 0) {
                        handToReceiversLocked();
                    }
                    return SendResult.SENT;
                }
            } else if ((s & COUNT) < capacity) {
                Thread.onSpinWait(); // the room is held by receivers finishing their polls: it is coming
            } else if (reserve(s, 1)) {
                dropped.add(pollReserved());
                finishTaking(1); // the dropping channel never has waiting senders
            }
        }
    }

    // ---- receive --------------------------------------------------------------------------------

    @Override
    Object tryReceiveInternal() {
        for (;;) {
            long s = state;
            long count = s & COUNT;
            if (count == 0 || (s & RECEIVERS_WAITING) != 0) {
                return count == 0 && (s & (CLOSED_BIT | SENDERS_WAITING)) == CLOSED_BIT ? CLOSED : EMPTY;
            }
            if (reserve(s, 1)) {
                T e = pollReserved();
                if ((finishTaking(1) & SENDERS_WAITING) != 0) {
                    lock.lock();
                    try {
                        admitSendersLocked();
                    } finally {
                        lock.unlock();
                    }
                }
                return e;
            }
        }
    }

    @Override
    Object receiveBeforeParking() {
        for (int i = Parking.SPINS; i > 0; i--) {
            Thread.onSpinWait();
            long s = state;
            if ((s & RECEIVERS_WAITING) != 0) {
                break; // others wait already: queue up behind them
            }
            if ((s & COUNT) != 0 || (s & CLOSED_BIT) != 0) {
                Object r = tryReceiveInternal();
                if (r != EMPTY) {
                    return r;
                }
            }
        }
        return EMPTY;
    }

    /** Takes the rest of the batch with one CAS: reserves up to {@code maxElements - 1} at once. */
    @Override
    public List<T> receiveBatch(int maxElements) throws InterruptedException {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be >= 1, was " + maxElements);
        }
        T first = receive();
        List<T> batch = new ArrayList<>(Math.min(maxElements, 64));
        batch.add(first);
        for (;;) {
            long s = state;
            int take = (int) Math.min(s & COUNT, Math.min(maxElements - batch.size(), MAX_BATCH_RESERVATION));
            if (take == 0 || (s & RECEIVERS_WAITING) != 0) {
                return batch;
            }
            if (reserve(s, take)) {
                for (int i = 0; i < take; i++) {
                    batch.add(pollReserved());
                }
                if ((finishTaking(take) & SENDERS_WAITING) != 0) {
                    lock.lock();
                    try {
                        admitSendersLocked();
                    } finally {
                        lock.unlock();
                    }
                }
                return batch;
            }
        }
    }

    // ---- registration (lock held) ---------------------------------------------------------------

    @Override
    public Registration registerReceive(WaitNode node) {
        for (;;) {
            long s = state;
            long count = s & COUNT;
            if (count > 0 && (s & RECEIVERS_WAITING) == 0) {
                if (reserve(s, 1)) {
                    claimOwn(node);
                    node.complete(pollReserved(), WaitNode.DONE);
                    if ((finishTaking(1) & SENDERS_WAITING) != 0) {
                        admitSendersLocked();
                    }
                    return Registration.COMPLETED;
                }
            } else if (count == 0 && (s & CLOSED_BIT) != 0 && senders.firstLive(null) == null) {
                claimOwn(node);
                node.complete(null, WaitNode.CLOSED);
                return Registration.COMPLETED;
            } else if (STATE.compareAndSet(this, s, s | RECEIVERS_WAITING)) {
                receivers.add(node);
                return Registration.WAITING;
            }
        }
    }

    @Override
    public Registration registerSend(WaitNode node) {
        @SuppressWarnings("unchecked")
        T element = (T) node.item();
        for (;;) {
            long s = state;
            if ((s & CLOSED_BIT) != 0) {
                claimOwn(node);
                node.complete(null, WaitNode.CLOSED);
                return Registration.COMPLETED;
            }
            if (used(s) < capacity && (s & SENDERS_WAITING) == 0) {
                if (STATE.compareAndSet(this, s, s + 1)) {
                    claimOwn(node);
                    offerReserved(element);
                    node.complete(null, WaitNode.DONE);
                    if ((s & RECEIVERS_WAITING) != 0) {
                        handToReceiversLocked();
                    }
                    return Registration.COMPLETED;
                }
            } else if (overflow != OverflowPolicy.BLOCK) {
                // A dropping channel never makes a sender wait. The callback runs under the lock
                // here (a select's registration); the lock is reentrant.
                claimOwn(node);
                List<T> dropped = new ArrayList<>(1);
                if (overflow == OverflowPolicy.DROP_NEWEST) {
                    dropped.add(element);
                } else {
                    sendDroppingOldestLocked(element, dropped);
                }
                node.complete(null, WaitNode.DONE);
                deliverUndelivered(dropped);
                return Registration.COMPLETED;
            } else if (STATE.compareAndSet(this, s, s | SENDERS_WAITING)) {
                senders.add(node);
                return Registration.WAITING;
            }
        }
    }

    @Override
    public void unregister(WaitNode node) {
        if (node.isSend()) {
            senders.remove(node);
            if (senders.firstLive(null) == null) {
                clearBits(SENDERS_WAITING);
                closeReceiversIfDrainedLocked();
            }
        } else {
            receivers.remove(node);
            if (receivers.firstLive(null) == null) {
                clearBits(RECEIVERS_WAITING);
            }
        }
    }

    // ---- hand-over to waiters (lock held) ---------------------------------------------------------

    /**
     * Gives buffered elements to waiting receivers, first come first served, while both exist.
     * {@code RECEIVERS_WAITING} keeps fast-path receivers out, so {@code count} cannot drop under us.
     */
    private void handToReceiversLocked() {
        for (;;) {
            long s = state;
            if ((s & RECEIVERS_WAITING) == 0) {
                return;
            }
            if ((s & COUNT) == 0) {
                closeReceiversIfDrainedLocked();
                return;
            }
            WaitNode n = receivers.firstLive(null);
            if (n == null) {
                clearBits(RECEIVERS_WAITING);
                return;
            }
            if (!n.waiter().tryClaim(n)) {
                receivers.remove(n);
                continue;
            }
            receivers.remove(n);
            while (!reserve(state, 1)) {
                Thread.onSpinWait(); // only fast-path senders change the word now: retry at once
            }
            if (receivers.firstLive(null) == null) {
                clearBits(RECEIVERS_WAITING);
            }
            T element = pollReserved();
            long before = finishTaking(1);
            n.complete(element, WaitNode.DONE);
            if ((before & SENDERS_WAITING) != 0) {
                admitSendersLocked();
            }
        }
    }

    /**
     * Moves waiting senders' elements into free room, first come first served. Senders that
     * waited before a close are still admitted. {@code SENDERS_WAITING} keeps fast-path senders
     * out, so room cannot vanish under us.
     */
    private void admitSendersLocked() {
        for (;;) {
            long s = state;
            if ((s & SENDERS_WAITING) == 0 || used(s) >= capacity) {
                return;
            }
            WaitNode n = senders.firstLive(null);
            if (n == null) {
                clearBits(SENDERS_WAITING);
                closeReceiversIfDrainedLocked();
                return;
            }
            if (!n.waiter().tryClaim(n)) {
                senders.remove(n);
                continue;
            }
            senders.remove(n);
            long before = (long) STATE.getAndAdd(this, 1L);
            if (senders.firstLive(null) == null) {
                clearBits(SENDERS_WAITING);
            }
            @SuppressWarnings("unchecked")
            T element = (T) n.item();
            offerReserved(element);
            n.complete(null, WaitNode.DONE);
            if ((before & RECEIVERS_WAITING) != 0) {
                handToReceiversLocked();
            }
        }
    }

    /** When closed, empty and no admitted sender is left, every waiting receiver sees "closed". */
    private void closeReceiversIfDrainedLocked() {
        long s = state;
        if ((s & CLOSED_BIT) == 0 || (s & COUNT) != 0 || senders.firstLive(null) != null) {
            return;
        }
        for (WaitNode n; (n = receivers.peek()) != null; ) {
            receivers.remove(n);
            if (n.waiter().tryClaim(n)) {
                n.complete(null, WaitNode.CLOSED);
            }
        }
        clearBits(RECEIVERS_WAITING);
    }

    // ---- close and cancel -----------------------------------------------------------------------

    @Override
    boolean closeInternal(Throwable cause) {
        lock.lock();
        try {
            if ((state & CLOSED_BIT) != 0) {
                return false;
            }
            closeCause = cause;
            setBits(CLOSED_BIT);
            closeReceiversIfDrainedLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean cancel() {
        List<T> discarded = new ArrayList<>();
        lock.lock();
        try {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            setBits(CLOSED_BIT);
            for (WaitNode n; (n = senders.peek()) != null; ) {
                senders.remove(n);
                if (n.waiter().tryClaim(n)) {
                    n.complete(null, WaitNode.CLOSED); // the sender keeps its element
                }
            }
            clearBits(SENDERS_WAITING);
            for (;;) {
                long s = state;
                if ((s & COUNT) == 0) {
                    break;
                }
                if (reserve(s, 1)) {
                    discarded.add(pollReserved());
                    finishTaking(1);
                }
            }
            closeReceiversIfDrainedLocked();
        } finally {
            lock.unlock();
        }
        deliverUndelivered(discarded);
        return true;
    }

    // ---- queue access ---------------------------------------------------------------------------

    /** Offers an element whose room was reserved: the queue is never full here. */
    private void offerReserved(T element) {
        for (int i = 0; !queue.offer(element); i++) {
            backOff(i);
        }
    }

    /** Polls an element that was reserved: it is there, or its sender is about to offer it. */
    private T pollReserved() {
        T e;
        for (int i = 0; (e = poll()) == null; i++) {
            backOff(i);
        }
        return e;
    }

    private T poll() {
        if (pollTurn == null) {
            return queue.poll();
        }
        for (int i = 0; !pollTurn.compareAndSet(false, true); i++) {
            backOff(i);
        }
        try {
            return queue.poll();
        } finally {
            pollTurn.set(false);
        }
    }

    /** For waits on a step another running thread is about to take: spin, then yield the carrier. */
    private static void backOff(int attempt) {
        if (attempt < 64) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Elements plus room held by receivers still polling: what the capacity bounds. */
    private static long used(long s) {
        return (s & COUNT) + ((s & IN_FLIGHT_BITS) >>> 40);
    }

    /**
     * Reserves {@code k} elements if the word is still {@code s}: they leave {@code count} but
     * still hold their room (as in-flight) until {@link #finishTaking} after the polls. Room is
     * freed only once the elements are out of the queue, so a send can never overtake an element
     * that a receiver has reserved but not yet taken.
     */
    private boolean reserve(long s, long k) {
        return STATE.compareAndSet(this, s, s - k + k * IN_FLIGHT);
    }

    /** Frees the room of {@code k} taken elements; returns the word before, for its waiting flags. */
    private long finishTaking(long k) {
        return (long) STATE.getAndAdd(this, -k * IN_FLIGHT);
    }

    private void setBits(long bits) {
        for (;;) {
            long s = state;
            if ((s & bits) == bits || STATE.compareAndSet(this, s, s | bits)) {
                return;
            }
        }
    }

    private void clearBits(long bits) {
        for (;;) {
            long s = state;
            if ((s & bits) == 0 || STATE.compareAndSet(this, s, s & ~bits)) {
                return;
            }
        }
    }

    // ---- introspection --------------------------------------------------------------------------

    @Override
    public ChannelKind kind() {
        return kind;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return (int) (state & COUNT);
    }

    @Override
    public boolean isClosedForSend() {
        return (state & CLOSED_BIT) != 0;
    }

    @Override
    public boolean isClosedForReceive() {
        long s = state;
        return (s & COUNT) == 0 && (s & (CLOSED_BIT | SENDERS_WAITING)) == CLOSED_BIT;
    }

    @Override
    public String toString() {
        int waitingReceivers;
        int waitingSenders;
        lock.lock();
        try {
            waitingReceivers = receivers.size();
            waitingSenders = senders.size();
        } finally {
            lock.unlock();
        }
        long s = state;
        return "Channel[" + kind
                + (kind == ChannelKind.UNBOUNDED ? "" : ", capacity=" + capacity)
                + (kind == ChannelKind.DROPPING ? ", " + overflow : "")
                + ", size=" + (s & COUNT)
                + ", waiting receivers=" + waitingReceivers
                + ", waiting senders=" + waitingSenders
                + ", " + stateName((s & CLOSED_BIT) != 0)
                + ", " + queue.getClass().getSimpleName() + "]";
    }
}
