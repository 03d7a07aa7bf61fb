package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.Backoff;
import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.WaitQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Buffered and unbounded channels whose senders block when full: elements live in a JCTools
 * queue; each side counts its operations in a word of its own ({@link SideWord}).
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>The send word holds {@code sent}, the number of sends that reserved room (each then offers
 *       exactly one element), and the flags {@code RECEIVERS_WAITING}, {@code CLOSED} and
 *       {@code CANCELLED}. The take word holds {@code taken}, the number of receives that
 *       reserved an element (each then polls exactly one), {@code polling}, how many of those
 *       have not finished their poll, and the flags {@code SENDERS_WAITING} and
 *       {@code CANCELLED}. The counters only grow (modulo 2<sup>40</sup>; see {@link #diff}).</li>
 *   <li>{@code sent - taken} is the channel's size: a send counts at its reservation and a
 *       receive at its own, which is where each is linearized. A send may reserve only while
 *       {@code sent - (taken - polling)} is below the capacity: room is freed only once its
 *       element has left the queue, so a send never overtakes an element that a receive reserved
 *       but has not taken, and the queue (sized with some slack beyond the capacity) always has a
 *       slot for a reserved offer.</li>
 *   <li>The queue lags behind {@code sent} by the few instructions between a send's reservation
 *       and its offer: a receive whose reserved element is not offered yet waits for them (the
 *       sender is running: nothing between its reservation and its offer blocks).</li>
 *   <li>When the queue admits one consumer at a time (small channels without hints, and
 *       unbounded ones: {@link ElementQueue#consumersTakeTurns}), the take word also holds the
 *       flag {@code POLL_TURN}: the receive that holds it is the only one polling. A reservation
 *       CAS also sets the flag if it was clear, and the receive that finishes its poll clears it
 *       in the same atomic add that lowers {@code polling}; so only a receive counted in
 *       {@code polling} holds it, and a lone receive takes and gives back its turn without a
 *       write of its own. A receive whose reservation found the flag set waits for it to clear
 *       and sets it with a CAS. The add that clears it comes after the holder's poll and the CAS
 *       that sets it before the next holder's, both volatile, so each poll sees the queue as the
 *       last one left it.</li>
 *   <li>{@code RECEIVERS_WAITING} (in the send word, so that every reserving send sees it in the
 *       word its CAS replaced) is set under the lock by a receiver that registers while
 *       {@code sent == taken}, and cleared under the lock when no live receiver waits.
 *       {@code SENDERS_WAITING} (in the take word, seen by every reserving receive) is set under
 *       the lock by a sender that registers while the channel is full, and cleared likewise.</li>
 *   <li>While {@code RECEIVERS_WAITING} is set, only lock holders reserve elements; while
 *       {@code SENDERS_WAITING} is set, only lock holders reserve room. That gives first come,
 *       first served, and it makes {@link #stillWaiting} monotonic.</li>
 * </ul>
 *
 * <h2>Fast path (no lock, no shared write)</h2>
 * A send reads its own side's word, checks room against its cached {@code taken}, reserves with
 * one CAS on its side's word, and offers; it reads the take word only when the cache says full.
 * A receive does the same the other way round, and after its poll lowers {@code polling} with
 * one atomic add (which also gives back the poll turn). In the steady state each side writes
 * only its own cache line, which is what lets a producer and a consumer on two cores run at the
 * queue's speed.
 * Why a stale cache never lets a send overtake a waiting sender: when {@code SENDERS_WAITING} was
 * set the channel was full, {@code sent - taken >= capacity}; any cached {@code taken} is a value
 * from before (sends do not cache a word that shows the flag), so {@code sent - cache} still says
 * full, and the send re-reads the take word, sees the flag and goes to the slow path. The same
 * argument, with {@code sent == taken} at registration, keeps receives behind waiting receivers.
 *
 * <h2>Slow path (lock)</h2>
 * Registration, hand-over to waiters, close and cancel run under the channel's
 * {@link java.util.concurrent.locks.ReentrantLock}; methods named {@code ...Locked} assume it. A
 * waiter sets its side's flag with a CAS on the other side's word that also checks that word's
 * counter has not moved since it found the channel full (or empty), so a reservation either
 * happened before (and the registration sees it) or sees the flag in the word its own CAS replaced
 * (and hands over under the lock): no wake-up is lost.
 *
 * <h2>Why it does not spin a virtual thread needlessly</h2>
 * A blocked platform thread spins at most {@link Parking#SPINS} iterations before registering; a
 * virtual thread instead yields its carrier once and tries again before it registers
 * ({@link Parking#retriesBeforeParking()}): the threads queued for that carrier, often the
 * partner it needs, run first, and the wait often ends without a park, a registration under the
 * lock or a wake-up. The only other waits are on a thread's next few instructions (see above):
 * they spin briefly, then yield, then park ({@link Backoff#awaitStep}), so that they never keep a
 * carrier from the thread they wait for.
 * A virtual thread whose reservation CAS lost to another reservation on its side yields once
 * before retrying ({@link Backoff#afterLostRace}): under contention that lets each carrier run
 * a stretch of operations of one side instead of moving the side's word between carriers on
 * every retry. A loss to a waiter's flag does not count (yielding there only delays the
 * hand-over to that waiter; measured: unhinted SPSC 1.36x slower when every lost CAS yielded).
 */
final class BufferedChannel<T> extends AbstractChannel<T> {
    /** Low bits of both words: a counter, wrapping; compare two counters with {@link #diff} only. */
    private static final long COUNT = (1L << 40) - 1;
    /** Take word: one receive that reserved an element and has not finished polling it. */
    private static final long POLLING = 1L << 40;
    private static final long POLLING_BITS = 0xFFFFL << 40;
    /** Send word: receivers wait (and {@code sent == taken} held when it was set). */
    private static final long RECEIVERS_WAITING = 1L << 56;
    /** Take word: senders wait (and the channel was full when it was set). */
    private static final long SENDERS_WAITING = 1L << 56;
    /** Send word: no new send may reserve. */
    private static final long CLOSED_BIT = 1L << 57;
    /** Both words: cancelled, every receive sees "closed". */
    private static final long CANCELLED_BIT = 1L << 58;
    /**
     * Take word: a receive holds the poll turn. Used only when the queue admits one consumer at a
     * time ({@link ElementQueue#consumersTakeTurns}); held only by a receive counted in
     * {@code polling}, so it is clear whenever {@code polling} is 0.
     */
    private static final long POLL_TURN = 1L << 59;
    /** A batch reserves at most this many elements per CAS, so that the polling count cannot overflow. */
    private static final int MAX_BATCH_RESERVATION = 1 << 8;
    /** Queue slots beyond the capacity (at most), so that offers rarely meet unpolled reservations. */
    private static final int SLACK = 64;

    private final SideWord sends = new SideWord(); // sent | flags; cache: a recent taken
    private final SideWord takes = new SideWord(); // taken | flags; cache: a recent sent

    private final ChannelKind kind;
    private final int capacity;
    private final ElementQueue<T> elements;
    /** {@link #POLL_TURN} when receives take turns polling, else 0. */
    private final long turnBit;

    private final WaitQueue receivers = new WaitQueue(); // guarded by lock
    private final WaitQueue senders = new WaitQueue(); // guarded by lock

    BufferedChannel(ChannelKind kind, int capacity, Consumer<? super T> onUndelivered,
            boolean singleProducer, boolean singleConsumer) {
        this(kind, capacity, onUndelivered, singleProducer, singleConsumer, 0L);
    }

    /**
     * A channel whose counters start at {@code start} instead of 0: lets tests cross the point
     * where they wrap (2<sup>40</sup>) without sending that many elements.
     */
    BufferedChannel(ChannelKind kind, int capacity, Consumer<? super T> onUndelivered,
            boolean singleProducer, boolean singleConsumer, long start) {
        super(onUndelivered);
        sends.word = start & COUNT;
        sends.cache(start & COUNT);
        takes.word = start & COUNT;
        takes.cache(start & COUNT);
        this.kind = kind;
        this.capacity = capacity;
        int slots = capacity > Queues.LARGEST_ARRAY ? capacity : capacity + Math.min(capacity, SLACK);
        this.elements = ElementQueue.withCallerTurns(slots, singleProducer, singleConsumer);
        this.turnBit = elements.consumersTakeTurns() ? POLL_TURN : 0L;
    }

    /**
     * {@code a - b} for two counters (or words holding them): a 40-bit difference, sign-extended.
     * The counters wrap, but two of them never differ by more than the capacity plus the
     * receives polling, far below 2<sup>39</sup>.
     */
    private static long diff(long a, long b) {
        return ((a - b) << 24) >> 24;
    }

    /** Receives that reserved an element and have not finished polling it. */
    private static long polling(long t) {
        return (t & POLLING_BITS) >>> 40;
    }

    /** The send word with one more reservation. */
    private static long plusOneSent(long s) {
        return (s & ~COUNT) | ((s + 1) & COUNT);
    }

    /** The take word with {@code k} more reservations, each polling until {@link #finishPolling}. */
    private static long plusTaken(long t, long k) {
        return ((t & ~COUNT) | ((t + k) & COUNT)) + k * POLLING;
    }

    /**
     * Whether a reservation CAS that expected {@code expected} and found {@code witness} lost to a
     * reservation or a finished poll on the same side (the counter or the polling count moved),
     * rather than to a waiter's flag.
     */
    private static boolean anotherReservation(long witness, long expected) {
        return ((witness ^ expected) & (COUNT | POLLING_BITS)) != 0;
    }

    /** Room of the queue no longer held by a receive: {@code taken} minus those still polling. */
    private static long freed(long t) {
        return (t - polling(t)) & COUNT;
    }

    // ---- send -----------------------------------------------------------------------------------

    @Override
    public SendResult trySend(T element) {
        Objects.requireNonNull(element, "element");
        for (int attempt = 0;; attempt++) {
            long s = sends.get();
            if ((s & CLOSED_BIT) != 0) {
                return SendResult.CLOSED;
            }
            if (diff(s, sends.cache()) >= capacity) {
                long t = takes.get();
                if ((t & SENDERS_WAITING) != 0 || diff(s, t) >= capacity) {
                    // full, or senders that came first wait (the channel was full when they registered)
                    return SendResult.FULL;
                }
                if (diff(s, freed(t)) >= capacity) {
                    // The room is held by receives that took their elements and are finishing
                    // their polls: it is free in every linearization, so wait those few
                    // instructions rather than answer FULL spuriously.
                    Backoff.awaitStepWithoutSpinning(attempt);
                    continue;
                }
                sends.cache(freed(t)); // a value freed() had: caching it never shows room that is not there
            }
            long witness = sends.compareAndExchange(s, plusOneSent(s));
            if (witness == s) {
                elements.offerReserved(element);
                if ((s & RECEIVERS_WAITING) != 0) {
                    handToReceivers();
                }
                return SendResult.SENT;
            }
            if (anotherReservation(witness, s)) {
                Backoff.afterLostRace();
            }
        }
    }

    @Override
    SendResult sendBeforeParking(T element) {
        for (int i = Parking.retriesBeforeParking(); i > 0; i--) {
            Parking.pauseBeforeRetry();
            if ((takes.get() & SENDERS_WAITING) != 0) {
                break; // others wait already: queue up behind them
            }
            SendResult r = trySend(element);
            if (r != SendResult.FULL) {
                return r;
            }
        }
        return SendResult.FULL;
    }

    private void handToReceivers() {
        lock.lock();
        try {
            handToReceiversLocked();
        } finally {
            lock.unlock();
        }
    }

    // ---- receive --------------------------------------------------------------------------------

    @Override
    Object tryReceiveInternal() {
        for (;;) {
            long t = takes.get();
            if ((t & CANCELLED_BIT) != 0) {
                if ((sends.get() & CANCELLED_BIT) != 0) {
                    return CLOSED;
                }
                lock.lock(); // a cancel is between its two steps, holding the lock: let it finish
                lock.unlock();
                continue;
            }
            if (diff(takes.cache(), t) <= 0) {
                long s = sends.get();
                if ((s & RECEIVERS_WAITING) != 0) {
                    return EMPTY; // what comes is owed to the receivers waiting first
                }
                takes.cache(s & COUNT);
                if (diff(s, t) <= 0) {
                    if ((s & CLOSED_BIT) == 0) {
                        return EMPTY;
                    }
                    // Closed and empty when s was read. Drained for good only if no sender
                    // waits to be admitted, and none was admitted since (the send word is unchanged).
                    if ((takes.get() & SENDERS_WAITING) != 0) {
                        return EMPTY; // an admission is owed; a blocking receive waits for it under the lock
                    }
                    if (sends.get() == s) {
                        return CLOSED;
                    }
                    continue;
                }
            }
            long witness = takes.compareAndExchange(t, plusTaken(t, 1) | turnBit);
            if (witness == t) {
                awaitPollTurn(t);
                T e = elements.pollReserved();
                if ((finishPolling(1) & SENDERS_WAITING) != 0) {
                    admitSenders();
                }
                return e;
            }
            if (anotherReservation(witness, t)) {
                Backoff.afterLostRace();
            }
        }
    }

    @Override
    Object receiveBeforeParking() {
        for (int i = Parking.retriesBeforeParking(); i > 0; i--) {
            Parking.pauseBeforeRetry();
            if ((sends.get() & RECEIVERS_WAITING) != 0) {
                break; // others wait already: queue up behind them
            }
            Object r = tryReceiveInternal();
            if (r != EMPTY) {
                return r;
            }
        }
        return EMPTY;
    }

    /** Takes the ready elements with one reservation per batch of up to {@link #MAX_BATCH_RESERVATION}. */
    @Override
    void takeReady(List<T> batch, int maxElements) {
        while (batch.size() < maxElements) {
            long t = takes.get();
            long s = sends.get();
            if ((t & CANCELLED_BIT) != 0 || (s & RECEIVERS_WAITING) != 0) {
                break;
            }
            long take = Math.min(diff(s, t), Math.min(maxElements - batch.size(), MAX_BATCH_RESERVATION));
            if (take <= 0) {
                break;
            }
            if (takes.compareAndSet(t, plusTaken(t, take) | turnBit)) {
                awaitPollTurn(t);
                for (long i = 0; i < take; i++) {
                    batch.add(elements.pollReserved());
                }
                if ((finishPolling(take) & SENDERS_WAITING) != 0) {
                    admitSenders();
                }
            }
        }
    }

    private void admitSenders() {
        lock.lock();
        try {
            admitSendersLocked();
        } finally {
            lock.unlock();
        }
    }

    // ---- registration (lock held) ---------------------------------------------------------------

    @Override
    public Registration registerReceive(WaitNode node) {
        for (;;) {
            long t = takes.get();
            long s = sends.get();
            long size = diff(s, t);
            if ((t & CANCELLED_BIT) != 0
                    || size == 0 && (s & CLOSED_BIT) != 0 && senders.firstLive(null) == null) {
                return completeClosed(node);
            }
            if (size > 0 && (s & RECEIVERS_WAITING) == 0) {
                if (takes.compareAndSet(t, plusTaken(t, 1) | turnBit)) {
                    awaitPollTurn(t);
                    claimOwn(node);
                    node.complete(elements.pollReserved(), WaitNode.DONE);
                    if ((finishPolling(1) & SENDERS_WAITING) != 0) {
                        admitSendersLocked();
                    }
                    return Registration.COMPLETED;
                }
            } else if (sends.compareAndSet(s, s | RECEIVERS_WAITING)) {
                // sent unchanged since we found it empty (or others wait ahead of us for what is
                // there): a send that reserves from now on sees the flag and hands over to us
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
            long s = sends.get();
            long t = takes.get();
            if ((s & CLOSED_BIT) != 0) {
                return completeClosed(node);
            }
            if (diff(s, t) < capacity && (t & SENDERS_WAITING) == 0) {
                if (diff(s, freed(t)) >= capacity) {
                    Backoff.awaitStep(attempt); // room held by receives finishing their polls: it is coming
                } else if (sends.compareAndSet(s, plusOneSent(s))) {
                    claimOwn(node);
                    elements.offerReserved(element);
                    node.complete(null, WaitNode.DONE);
                    if ((s & RECEIVERS_WAITING) != 0) {
                        handToReceiversLocked();
                    }
                    return Registration.COMPLETED;
                }
            } else if (takes.compareAndSet(t, t | SENDERS_WAITING)) {
                // taken unchanged since we found it full (or others wait ahead of us): a receive
                // that reserves from now on sees the flag and admits waiting senders
                senders.add(node);
                return Registration.WAITING;
            }
        }
    }

    /**
     * With the node's flag set, only lock holders reserve on that side: a receive still waits
     * while {@code sent == taken} (only a send can change that, and only a lock holder change it
     * back); a send still waits while the channel is full (likewise).
     */
    @Override
    public boolean stillWaiting(WaitNode node) {
        long t = takes.get();
        long size = diff(sends.get(), t);
        return node.isSend() ? size >= capacity : size == 0;
    }

    /** Runs the hand-overs that a reservation has announced but not yet done. */
    @Override
    public void settleLocked() {
        handToReceiversLocked();
        admitSendersLocked();
    }

    @Override
    public void unregister(WaitNode node) {
        if (node.isSend()) {
            senders.remove(node);
            if (senders.firstLive(null) == null) {
                takes.clearBits(SENDERS_WAITING);
                closeReceiversIfDrainedLocked();
            }
        } else {
            receivers.remove(node);
            if (receivers.firstLive(null) == null) {
                sends.clearBits(RECEIVERS_WAITING);
            }
        }
    }

    // ---- hand-over to waiters (lock held) ---------------------------------------------------------

    /** Gives elements to waiting receivers, first come first served, while both exist. */
    private void handToReceiversLocked() {
        for (;;) {
            long s = sends.get();
            if ((s & RECEIVERS_WAITING) == 0) {
                return;
            }
            long t = takes.get();
            if (diff(s, t) == 0) {
                closeReceiversIfDrainedLocked();
                return;
            }
            WaitNode n = receivers.firstLive(null);
            if (n == null) {
                sends.clearBits(RECEIVERS_WAITING);
                return;
            }
            receivers.remove(n);
            if (!n.waiter().tryClaim(n)) {
                continue;
            }
            while (!takes.compareAndSet(t, plusTaken(t, 1) | turnBit)) {
                t = takes.get(); // only lock holders reserve now; receives finishing polls change the word
            }
            awaitPollTurn(t);
            if (receivers.firstLive(null) == null) {
                sends.clearBits(RECEIVERS_WAITING);
            }
            n.complete(elements.pollReserved(), WaitNode.DONE);
            if ((finishPolling(1) & SENDERS_WAITING) != 0) {
                admitSendersLocked();
            }
        }
    }

    /**
     * Moves waiting senders' elements into free room, first come first served. Senders that
     * waited before a close are still admitted.
     */
    private void admitSendersLocked() {
        for (;;) {
            long t = takes.get();
            if ((t & SENDERS_WAITING) == 0) {
                return;
            }
            long s = sends.get();
            if (diff(s, freed(t)) >= capacity) {
                return; // no room, or room still held by receives finishing their polls: they admit
            }
            WaitNode n = senders.firstLive(null);
            if (n == null) {
                takes.clearBits(SENDERS_WAITING);
                closeReceiversIfDrainedLocked();
                return;
            }
            senders.remove(n);
            if (!n.waiter().tryClaim(n)) {
                continue;
            }
            while (!sends.compareAndSet(s, plusOneSent(s))) {
                s = sends.get(); // only lock holders reserve now: nothing else changes the count
            }
            if (senders.firstLive(null) == null) {
                takes.clearBits(SENDERS_WAITING);
            }
            @SuppressWarnings("unchecked")
            T element = (T) n.item();
            elements.offerReserved(element);
            n.complete(null, WaitNode.DONE);
            if ((s & RECEIVERS_WAITING) != 0) {
                handToReceiversLocked();
            }
        }
    }

    /** When closed, empty and no sender waits to be admitted, every waiting receiver sees "closed". */
    private void closeReceiversIfDrainedLocked() {
        long t = takes.get();
        long s = sends.get();
        if ((s & CLOSED_BIT) == 0 || diff(s, t) != 0 || senders.firstLive(null) != null) {
            return;
        }
        receivers.completeAllClosed();
        sends.clearBits(RECEIVERS_WAITING);
    }

    // ---- close and cancel -----------------------------------------------------------------------

    @Override
    boolean closeInternal(Throwable cause) {
        lock.lock();
        try {
            if ((sends.get() & CLOSED_BIT) != 0) {
                return false;
            }
            closeCause = cause;
            sends.setBits(CLOSED_BIT);
            closeReceiversIfDrainedLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops receives ({@code CANCELLED} in the take word: no reservation after it), closes and
     * cancels the send word (the instant the cancel takes effect), then waits for receives that
     * reserved before it to poll their elements, and discards every element reserved by a send
     * and not by a receive, waiting for sends still offering theirs.
     */
    @Override
    public boolean cancel() {
        List<T> discarded = new ArrayList<>();
        lock.lock();
        try {
            if ((takes.get() & CANCELLED_BIT) != 0) {
                return false;
            }
            // Receives first: from here none reserves, and those that see the flag wait for the
            // lock until the send word says cancelled too, which is the instant the cancel
            // takes effect for both sides.
            takes.setBits(CANCELLED_BIT);
            sends.setBits(CLOSED_BIT | CANCELLED_BIT);
            cancelled = true;
            senders.completeAllClosed(); // senders keep their elements
            // Receives that reserved before the cancel come first: let them finish their polls.
            long t;
            for (int i = 0; polling(t = takes.get()) != 0; i++) {
                Backoff.awaitStep(i);
            }
            long sent = sends.get() & COUNT;
            while (!takes.compareAndSet(t, (t & ~(COUNT | SENDERS_WAITING)) | sent)) {
                t = takes.get();
            }
            for (long i = diff(sent, t); i > 0; i--) {
                discarded.add(elements.pollReserved());
            }
            receivers.completeAllClosed();
            sends.clearBits(RECEIVERS_WAITING);
        } finally {
            lock.unlock();
        }
        deliverUndelivered(discarded);
        return true;
    }

    // ---- counters -------------------------------------------------------------------------------

    /**
     * Ends the polls of {@code k} reserved elements, freeing their room and giving back the poll
     * turn (when receives take turns, the caller holds it); returns the word before.
     */
    private long finishPolling(long k) {
        return takes.getAndAdd(-k * POLLING - turnBit);
    }

    /**
     * After a reservation that replaced {@code t} (and asked for the poll turn): waits for the
     * turn if another receive held it then. The holder is between its reservation and its
     * {@link #finishPolling}, a few instructions that wait only for a sender's offer. A virtual
     * thread yields rather than spins here: a spin re-reads the take word, which the holder must
     * write to give the turn back and every receive writes to reserve (spinning, 4 producers x 4
     * consumers at capacity 16 ran 0.83x as fast; benchmarks/ANALYSIS.md).
     */
    private void awaitPollTurn(long t) {
        if ((t & turnBit) == 0) {
            return; // the reservation took the turn, or receives do not take turns
        }
        for (int i = 0;; i++) {
            long w = takes.get();
            if ((w & POLL_TURN) == 0) {
                if (takes.compareAndSet(w, w | POLL_TURN)) {
                    return;
                }
            } else {
                Backoff.awaitStepWithoutSpinning(i);
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
        long t = takes.get(); // taken first: sent read later is at least as large
        long s = sends.get();
        return (s & CANCELLED_BIT) != 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, diff(s, t));
    }

    @Override
    public boolean isClosedForSend() {
        return (sends.get() & CLOSED_BIT) != 0;
    }

    @Override
    public boolean isClosedForReceive() {
        long t = takes.get();
        long s = sends.get();
        if ((s & CANCELLED_BIT) != 0) {
            return true;
        }
        return (s & CLOSED_BIT) != 0 && diff(s, t) == 0 && (t & SENDERS_WAITING) == 0;
    }

    @Override
    public String toString() {
        String waiters = waitersForToString(receivers::size, senders::size);
        return "Channel[" + kind
                + (kind == ChannelKind.UNBOUNDED ? "" : ", capacity=" + capacity)
                + ", size=" + size()
                + ", " + waiters
                + ", " + stateName(isClosedForSend())
                + ", " + elements + "]";
    }
}
