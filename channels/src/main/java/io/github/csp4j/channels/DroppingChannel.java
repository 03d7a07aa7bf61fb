package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.Backoff;
import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.WaitQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Conflated and dropping channels: a full channel drops the newest or the oldest element instead
 * of making the sender wait. Elements live in a JCTools queue; one state word beside it says how
 * many, whether the channel is closed, and whether receivers wait. Senders never wait here, so
 * unlike {@link BufferedChannel} there is no sender side to keep apart; what this channel needs
 * is one word that both sides see change at once, so that replacing the oldest element is
 * atomic (see {@link #sendDroppingOldestLocked}).
 *
 * <h2>Invariants</h2>
 * The state word {@code state} holds:
 * <ul>
 *   <li>{@code count}: elements in the queue that no receiver has reserved yet.</li>
 *   <li>{@code sendingNow}: senders that reserved room and are offering. A send reserves
 *       ({@code sendingNow+1}, CAS), offers to the queue, then publishes
 *       ({@code sendingNow-1, count+1}, one atomic add). So a counted element is always in the
 *       queue already: a receiver that reserved one never waits for it.</li>
 *   <li>{@code receivingNow}: receivers that reserved an element ({@code count-1,
 *       receivingNow+1}, CAS) and are polling it; the poll done, they free its room
 *       ({@code receivingNow-1}). Room is freed only once the element has left the queue, so a
 *       send can never overtake an element that a receiver reserved but has not taken.</li>
 *   <li>The capacity bounds {@code used = count + sendingNow + receivingNow}. The queue is at
 *       least that large, so an offer into reserved room never fails.</li>
 *   <li>{@code CLOSED}: no new send may reserve.</li>
 *   <li>{@code RECEIVERS_WAITING}: set (under the lock) only while {@code count == 0}, when a
 *       receiver registers to wait; cleared (under the lock) when no live receiver waits.</li>
 * </ul>
 * Both in-flight windows are a few instructions on a running thread (an offer or a poll on a
 * lock-free queue; nothing in them waits), so the only waits on another thread's step, a
 * try-operation that meets a partner in such a window, are short; they spin briefly, then
 * yield, then park ({@link Backoff#awaitStep}), never spin or yield alone. Without those waits
 * the try-operations would not be linearizable: {@code trySend} would answer "full" for room
 * that a finished receive already emptied, and {@code tryReceive} "empty" for an element a
 * finished send already counted as sent.
 *
 * <h2>Fast path (no lock)</h2>
 * A send reserves room only if the word shows room and open; a full channel drops instead. A
 * receive reserves only if the word shows an element and no receiver waiting. Because the waiting
 * flag lives in the same word, a sender's publishing add tells it, atomically, whether receivers
 * wait: if so it takes the lock and hands elements to them in arrival order. A receiver sets the
 * flag by CAS on the same word after re-checking, so a wake-up cannot be lost (the Dekker pair
 * collapses into one word). While the flag is set, fast-path reservations of elements fail:
 * nobody overtakes a waiting receiver, which gives first come, first served.
 *
 * <h2>Slow path (lock)</h2>
 * Registration, hand-over to waiters, close and cancel run under the channel's
 * {@link java.util.concurrent.locks.ReentrantLock}. Methods named {@code ...Locked} assume it.
 * While {@code RECEIVERS_WAITING} is set only lock holders decrement {@code count}: that is the
 * fact the hand-over loop and {@link #stillWaiting} rely on.
 *
 * <h2>Why it does not spin a virtual thread needlessly</h2>
 * Before registering, a blocked platform thread spins at most {@link Parking#SPINS} iterations
 * reading the state word, then parks; a virtual thread yields its carrier once and tries again
 * ({@link Parking#retriesBeforeParking()}), as in {@link BufferedChannel}. Senders never block.
 */
final class DroppingChannel<T> extends AbstractChannel<T> {
    private static final long COUNT = 0xFFFF_FFFFL;
    private static final long SENDING = 1L << 32;
    private static final long SENDING_BITS = 0x1FFFL << 32;
    private static final long RECEIVING = 1L << 45;
    private static final long RECEIVING_BITS = 0x1FFFL << 45;
    private static final long REPLACING = 1L << 58;
    private static final long RECEIVERS_WAITING = 1L << 61;
    private static final long CLOSED_BIT = 1L << 62;
    private static final long CANCELLED_BIT = 1L << 63;
    /** A batch reserves at most this many elements per CAS, so {@code receivingNow} cannot overflow. */
    private static final int MAX_BATCH_RESERVATION = 1 << 10;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(DroppingChannel.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long state;

    private final ChannelKind kind;
    private final int capacity;
    private final OverflowPolicy overflow;
    private final ElementQueue<T> elements;

    private final WaitQueue receivers = new WaitQueue(); // guarded by lock

    DroppingChannel(ChannelKind kind, int capacity, OverflowPolicy overflow, Consumer<? super T> onUndelivered,
            boolean singleProducer, boolean singleConsumer) {
        super(onUndelivered);
        this.kind = kind;
        this.capacity = capacity;
        this.overflow = overflow;
        // Dropping the oldest element polls from the sending thread: that needs a multi-consumer queue.
        boolean sc = singleConsumer && overflow != OverflowPolicy.DROP_OLDEST;
        this.elements = ElementQueue.withOwnTurns(capacity, singleProducer, sc);
    }

    // ---- the state word ---------------------------------------------------------------------------

    private static long count(long s) {
        return s & COUNT;
    }

    private static long sendingNow(long s) {
        return (s & SENDING_BITS) >>> 32;
    }

    private static long receivingNow(long s) {
        return (s & RECEIVING_BITS) >>> 45;
    }

    /** Elements counted or being sent: what a send must not push past the capacity. */
    private static long pending(long s) {
        return count(s) + sendingNow(s);
    }

    /** {@link #pending} plus room still held by receivers mid-poll: what the queue holds at most. */
    private static long used(long s) {
        return pending(s) + receivingNow(s);
    }

    // ---- send -----------------------------------------------------------------------------------

    @Override
    public SendResult trySend(T element) {
        Objects.requireNonNull(element, "element");
        for (int attempt = 0;; attempt++) {
            long s = state;
            if ((s & CLOSED_BIT) != 0) {
                return SendResult.CLOSED;
            }
            if (pending(s) >= capacity) {
                return sendOverflowing(element);
            }
            if (used(s) >= capacity) {
                // The room is held by receivers that already took their elements and are
                // finishing their polls: it is free in every linearization, so wait the few
                // instructions for it rather than answer FULL spuriously.
                Backoff.awaitStep(attempt);
                continue;
            }
            if (STATE.weakCompareAndSet(this, s, s + SENDING)) {
                elements.offerReserved(element);
                publish(false);
                return SendResult.SENT;
            }
        }
    }

    /** Counts an offered element; hands elements to waiting receivers if the add saw any. */
    private void publish(boolean locked) {
        long before = (long) STATE.getAndAdd(this, 1L - SENDING);
        if ((before & RECEIVERS_WAITING) != 0) {
            if (locked) {
                handToReceiversLocked();
            } else {
                lock.lock();
                try {
                    handToReceiversLocked();
                } finally {
                    lock.unlock();
                }
            }
        }
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

    /**
     * Sends into a full drop-oldest channel by replacing its oldest element, in a way no other
     * thread can see half done: with {@code REPLACING} set, fast-path receivers go through the
     * lock (held here); once receivers that reserved earlier have taken their elements, the
     * oldest is at the head; one CAS turns it into room being sent into ({@code count-1,
     * sendingNow+1}, so {@code count + sendingNow} never drops and the channel never looks less
     * than full), then poll, offer, and one add that counts the new element and clears the flag.
     */
    private SendResult sendDroppingOldestLocked(T element, List<T> dropped) {
        for (int attempt = 0;; attempt++) {
            long s = state;
            if ((s & CLOSED_BIT) != 0) {
                return SendResult.CLOSED;
            }
            if (pending(s) < capacity) {
                if (used(s) >= capacity) {
                    Backoff.awaitStep(attempt); // room held by receivers finishing their polls: it is coming
                } else if (STATE.compareAndSet(this, s, s + SENDING)) {
                    elements.offerReserved(element);
                    publish(true);
                    return SendResult.SENT;
                }
                continue;
            }
            if (count(s) == 0) {
                Backoff.awaitStep(attempt); // everything pending is still being sent: wait for it to count
                continue;
            }
            if (!STATE.compareAndSet(this, s, s | REPLACING)) {
                continue;
            }
            for (int a = 0; receivingNow(s = state) != 0; a++) {
                Backoff.awaitStep(a); // receivers that reserved before the flag take the oldest elements first
            }
            if (pending(s) < capacity || count(s) == 0) {
                clearBits(REPLACING); // those receivers made room: no need to drop
                continue;
            }
            while (!STATE.compareAndSet(this, s, s - 1 + SENDING)) {
                s = state; // only fast-path senders' publishes change the word now
            }
            dropped.add(elements.pollReserved());
            elements.offerReserved(element);
            long before = (long) STATE.getAndAdd(this, 1L - SENDING - REPLACING);
            if ((before & RECEIVERS_WAITING) != 0) {
                handToReceiversLocked();
            }
            return SendResult.SENT;
        }
    }

    /** Waits for a replacement in progress (it holds the lock) to finish. */
    private void awaitReplacement() {
        lock.lock();
        lock.unlock();
    }

    // ---- receive --------------------------------------------------------------------------------

    @Override
    Object tryReceiveInternal() {
        for (int attempt = 0;; attempt++) {
            long s = state;
            if ((s & (RECEIVERS_WAITING | REPLACING | CANCELLED_BIT)) != 0) {
                if ((s & CANCELLED_BIT) != 0) {
                    return CLOSED;
                }
                if ((s & RECEIVERS_WAITING) != 0) {
                    return EMPTY; // what is there is owed to the receivers waiting first
                }
                awaitReplacement(); // a full dropping channel is swapping its oldest element
                continue;
            }
            if (count(s) == 0) {
                if (sendingNow(s) != 0) {
                    // A send has reserved room and is offering: it may already count as done
                    // for others, so wait the few instructions for it rather than answer EMPTY.
                    Backoff.awaitStep(attempt);
                    continue;
                }
                return (s & CLOSED_BIT) != 0 ? CLOSED : EMPTY;
            }
            if (reserve(s, 1)) {
                T e = elements.pollReserved();
                finishTaking(1);
                return e;
            }
        }
    }

    @Override
    Object receiveBeforeParking() {
        for (int i = Parking.retriesBeforeParking(); i > 0; i--) {
            Parking.pauseBeforeRetry();
            long s = state;
            if ((s & RECEIVERS_WAITING) != 0) {
                break; // others wait already: queue up behind them
            }
            if (pending(s) != 0 || (s & CLOSED_BIT) != 0) {
                Object r = tryReceiveInternal();
                if (r != EMPTY) {
                    return r;
                }
            }
        }
        return EMPTY;
    }

    /** Takes the ready elements with one reservation per batch of up to {@link #MAX_BATCH_RESERVATION}. */
    @Override
    void takeReady(List<T> batch, int maxElements) {
        while (batch.size() < maxElements) {
            long s = state;
            int take = (int) Math.min(count(s), Math.min(maxElements - batch.size(), MAX_BATCH_RESERVATION));
            if (take == 0 || (s & (RECEIVERS_WAITING | REPLACING | CANCELLED_BIT)) != 0) {
                break;
            }
            if (reserve(s, take)) {
                for (int i = 0; i < take; i++) {
                    batch.add(elements.pollReserved());
                }
                finishTaking(take);
            }
        }
    }

    // ---- registration (lock held) ---------------------------------------------------------------

    @Override
    public Registration registerReceive(WaitNode node) {
        for (;;) {
            long s = state;
            if (count(s) > 0 && (s & RECEIVERS_WAITING) == 0) {
                if (reserve(s, 1)) {
                    claimOwn(node);
                    T e = elements.pollReserved();
                    finishTaking(1);
                    node.complete(e, WaitNode.DONE);
                    return Registration.COMPLETED;
                }
            } else if ((s & CANCELLED_BIT) != 0
                    || pending(s) == 0 && (s & CLOSED_BIT) != 0) {
                return completeClosed(node);
            } else if (STATE.compareAndSet(this, s, s | RECEIVERS_WAITING)) {
                // count is 0 (a send still offering will see the flag when it publishes), or
                // others wait ahead of us for what is there
                receivers.add(node);
                return Registration.WAITING;
            }
        }
    }

    @Override
    public Registration registerSend(WaitNode node) {
        @SuppressWarnings("unchecked")
        T element = (T) node.item();
        for (int attempt = 0;; attempt++) {
            long s = state;
            if ((s & CLOSED_BIT) != 0) {
                return completeClosed(node);
            }
            if (pending(s) < capacity) {
                if (used(s) >= capacity) {
                    Backoff.awaitStep(attempt); // room held by receivers finishing their polls: it is coming
                } else if (STATE.compareAndSet(this, s, s + SENDING)) {
                    claimOwn(node);
                    elements.offerReserved(element);
                    node.complete(null, WaitNode.DONE);
                    publish(true);
                    return Registration.COMPLETED;
                }
            } else {
                // Never waits: full, it drops like trySend. The callback runs under the lock
                // here; the lock is reentrant.
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
            }
        }
    }

    /**
     * A receive still waits while nothing is counted or being sent: with
     * {@code RECEIVERS_WAITING} set only lock holders decrement {@code count}, and a send that
     * reserves ends by counting, so if both are zero now, they were since registration. Sends
     * never wait here. Close needs the lock.
     */
    @Override
    public boolean stillWaiting(WaitNode node) {
        return !node.isSend() && pending(state) == 0;
    }

    /** Runs the hand-overs that a publish has announced but not yet done. */
    @Override
    public void settleLocked() {
        handToReceiversLocked();
    }

    @Override
    public void unregister(WaitNode node) {
        if (!node.isSend()) { // a send node never waits here
            receivers.remove(node);
            if (receivers.firstLive(null) == null) {
                clearBits(RECEIVERS_WAITING);
            }
        }
    }

    // ---- hand-over to waiters (lock held) ---------------------------------------------------------

    /**
     * Gives counted elements to waiting receivers, first come first served, while both exist.
     * {@code RECEIVERS_WAITING} keeps fast-path receivers out, so {@code count} cannot drop under us.
     */
    private void handToReceiversLocked() {
        for (;;) {
            long s = state;
            if ((s & RECEIVERS_WAITING) == 0) {
                return;
            }
            if (count(s) == 0) {
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
            T element = elements.pollReserved();
            finishTaking(1);
            n.complete(element, WaitNode.DONE);
        }
    }

    /** When closed and empty, every waiting receiver sees "closed". */
    private void closeReceiversIfDrainedLocked() {
        long s = state;
        if ((s & CLOSED_BIT) == 0 || pending(s) != 0) {
            return;
        }
        receivers.completeAllClosed();
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

    /**
     * Closes and empties in one CAS ({@code CANCELLED} makes every later receive see "closed"),
     * then discards: after receivers that reserved before the cancel have taken their elements
     * (they come first) and senders that reserved before it have counted theirs (those are
     * discarded too), every counted element goes to the undelivered-element callback.
     */
    @Override
    public boolean cancel() {
        List<T> discarded = new ArrayList<>();
        lock.lock();
        try {
            long s;
            do {
                s = state;
                if ((s & CANCELLED_BIT) != 0) {
                    return false;
                }
            } while (!STATE.compareAndSet(this, s, (s & ~COUNT) | CLOSED_BIT | CANCELLED_BIT));
            long toDiscard = count(s);
            cancelled = true;
            for (int attempt = 0; sendingNow(s = state) != 0 || receivingNow(s) != 0; attempt++) {
                Backoff.awaitStep(attempt);
            }
            while (!STATE.compareAndSet(this, s, s & ~COUNT)) {
                s = state; // elements counted by senders that reserved before the cancel
            }
            toDiscard += count(s);
            for (long i = 0; i < toDiscard; i++) {
                discarded.add(elements.pollReserved());
            }
            receivers.completeAllClosed();
            clearBits(RECEIVERS_WAITING);
        } finally {
            lock.unlock();
        }
        deliverUndelivered(discarded);
        return true;
    }

    // ---- the state word, continued ----------------------------------------------------------------

    /**
     * Reserves {@code k} counted elements if the word is still {@code s}: they leave
     * {@code count} but keep their room (as {@code receivingNow}) until {@link #finishTaking}.
     */
    private boolean reserve(long s, long k) {
        return STATE.compareAndSet(this, s, s - k + k * RECEIVING);
    }

    /** Frees the room of {@code k} taken elements; returns the word before, for its waiting flags. */
    private long finishTaking(long k) {
        return (long) STATE.getAndAdd(this, -k * RECEIVING);
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
        return (int) count(state);
    }

    @Override
    public boolean isClosedForSend() {
        return (state & CLOSED_BIT) != 0;
    }

    @Override
    public boolean isClosedForReceive() {
        long s = state;
        return (s & CANCELLED_BIT) != 0 || pending(s) == 0 && (s & CLOSED_BIT) != 0;
    }

    @Override
    public String toString() {
        String waiters = waitersForToString(receivers::size, () -> 0);
        long s = state;
        return "Channel[" + kind
                + ", capacity=" + capacity
                + (kind == ChannelKind.DROPPING ? ", " + overflow : "")
                + ", size=" + count(s)
                + ", " + waiters
                + ", " + stateName((s & CLOSED_BIT) != 0)
                + ", " + elements + "]";
    }
}
