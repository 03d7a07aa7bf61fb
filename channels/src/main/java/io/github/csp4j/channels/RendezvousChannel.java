package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.WaitQueue;
import io.github.csp4j.channels.spi.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The rendezvous channel (capacity 0): a send completes only when a receiver takes the element.
 *
 * <h2>Algorithm</h2>
 * Two ways to wait, one word that says which is in use. The {@code top} word is
 * <ul>
 * <li>{@code null}: nobody waits and the channel is open;</li>
 * <li>a {@link WaitNode}: exactly one plain (non-select) send or receive waits, spinning or
 *     parked on its own node, in no queue: the <em>spinner</em>;</li>
 * <li>{@link #QUEUED}: waiters, if any, are in the two {@link WaitQueue}s, which only the
 *     channel lock guards (Go's unbuffered channel: a completer claims the first live waiter of
 *     the other direction, one CAS that also decides a select, and transfers the element
 *     directly);</li>
 * <li>{@link #CLOSED_TOP}: closed; as {@code QUEUED}, for good.</li>
 * </ul>
 * A plain blocking operation that finds {@code null} installs its node by CAS, spins for a
 * partner (when spinning pays, below) and then parks, still in {@code top}; a partner that reads
 * that node claims it by CAS back to {@code null} and completes it: a hand-off takes two CASes
 * on one word and touches no lock, whether the spinner still spins or has parked. A blocking
 * operation that finds a spinner of the other direction (installed after its own try failed)
 * claims it the same way instead of waiting. A spinner interrupted or timed out leaves by the
 * same CAS, to {@code null} ({@link #leave}); losing it means a partner claimed it first, and the
 * operation took effect. Every locked operation first <em>absorbs</em> the spinner
 * ({@link #absorbSpinnerLocked}): it moves the spinner into its queue, where it becomes an
 * ordinary queued waiter (its owner then leaves under the lock), so that {@code top} is
 * {@code QUEUED} or {@code CLOSED_TOP} for the rest of its critical section and the queue logic
 * never races a lock-free hand-off; on unlock, {@code top} goes back to {@code null} when both
 * queues are empty ({@link #publishLocked}). Select nodes are only ever queued, so a select is
 * still claimed only under a lock it holds while registering.
 *
 * <p>The markers are nodes that never wait, so that {@code top} is typed and a partner tells a
 * spinner from a marker by comparing references. The spinner's direction is a field of its node,
 * a cache line its owner has just written: with both hints (one sender, one receiver) a spinner
 * that an operation finds is of the other direction, and the claim skips that read, which the
 * partner would otherwise wait for before its CAS (ping-pong about 5% faster; measured in
 * benchmarks/ANALYSIS.md, where a copy of the claim without the read matched
 * {@code java.util.concurrent.Exchanger}).
 *
 * <h2>Invariants</h2>
 * <ol>
 * <li>{@code top} is {@code null} or a spinner only while both queues are empty. Queues change
 *     under the lock only, after absorbing; {@code top} becomes {@code null} under the lock only
 *     when they are empty. Hence a lock-free operation that reads {@code null} or a spinner sees
 *     every waiter of the channel in that one read: its answer (nothing to pair with, or that
 *     spinner) is linearizable at that read.</li>
 * <li>Lock-free transitions are {@code null -> spinner} (its owner) and {@code spinner -> null}:
 *     a partner's claim, which must then complete the node, or the owner leaving (interrupt,
 *     timeout), which then owns the node again; one CAS decides between them. {@code QUEUED} and
 *     {@code CLOSED_TOP} are written under the lock only, so while the lock is held they stay.</li>
 * <li>A spinner's waiter is never claimed through {@link Waiter#tryClaim} while it is the
 *     spinner: winning the CAS on {@code top} is the claim. Once absorbed it is an ordinary
 *     queued waiter, first in its queue (the queues were empty), so it keeps its turn.</li>
 * <li>Live senders and live receivers never wait at the same time, except nodes of one select
 *     that offers both directions (it never pairs with itself).</li>
 * <li>Close absorbs the spinner and sets {@code CLOSED_TOP} before it publishes {@code closed}: a
 *     lock-free operation that read {@code null} read it before the close. Waiting senders stay
 *     after close and are still received; once none is left, receivers see "closed".</li>
 * </ol>
 * {@code waitingSenders} and {@code waitingReceivers} mirror the queue sizes (nodes not yet
 * purged included) for introspection; a spinner is counted once absorbed.
 *
 * <h2>Spinning</h2>
 * Only the spinner spins among the channel's waiters, so a channel has at most one spinning waiter,
 * however many threads use it; every other waiter parks at once. The spin is bounded ({@link
 * Parking#HANDOFF_SPINS}) and reads only its own node's status (written last by the completer:
 * reading the claim earlier pulls the node's cache line back in the middle of the completion,
 * measured 1.3x slower), never waits for another thread's step, and ends in a park in {@code top}:
 * a parked spinner costs its partner no lock either (one carrier: hand-off 258 -> 215 ns against
 * moving into the queue under the lock after the spin). A select about to wait on this channel may
 * first spin the same while, polling its clauses before it registers ({@link
 * #spinBeforeParking()}): it claims a spinner that comes meanwhile. Virtual threads spin too, which
 * pays only when the partner runs on another carrier: when it is queued on the spinner's own
 * carrier it cannot come until the spinner parks. The JDK does not say which case holds, so the
 * channel learns it: a spin that found no partner makes the next {@link #SPIN_PAUSE} blocking
 * operations park at once ({@code spinCredit}), twice as many after each further futile spin in a
 * row, up to {@link #MAX_SPIN_PAUSE}; a spin that finds its partner resets the pause. Where
 * spinning never pays, one futile spin per 4,096 operations is what is left of it. Why a hand-off
 * between running threads must not park: waking a parked virtual thread submits it to the
 * scheduler, and on two carriers it then mostly wakes the other carrier, several microseconds.
 *
 * <p>There is no buffer: {@code onUndelivered} is never called.
 */
final class RendezvousChannel<T> extends AbstractChannel<T> {
    /** {@code top}: waiters are in the queues (or were, until the lock is released); a node that never waits (class comment). */
    private static final WaitNode QUEUED = new WaitNode(false, null);
    /** {@code top}: closed; waiters are in the queues. */
    private static final WaitNode CLOSED_TOP = new WaitNode(false, null);
    /**
     * After a spin that found no partner, this many blocking operations park without spinning.
     * The partner was probably queued on the spinner's own carrier (one carrier, or more runnable
     * virtual threads than carriers), where spinning only delays it: on one carrier a hand-off
     * took 3,355 ns with spinning every time and 326 ns with this pause.
     */
    static final int SPIN_PAUSE = 64;
    /** The longest pause: after consecutive futile spins the pause doubles up to this. */
    static final int MAX_SPIN_PAUSE = 4096;
    /**
     * A new channel starts this many blocking operations before its first spin: a channel used
     * for a few hand-offs among many virtual threads never pays a futile spin. Measured on a chain
     * of 10,000 stages passing 100 values (alternating forks against the code without spinning):
     * 1.15x slower when the first spin came after 32 operations, 0.99x after 128.
     */
    static final int FIRST_SPIN_AFTER = 128;

    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(RendezvousChannel.class, "top", WaitNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WaitQueue senders = new WaitQueue(); // guarded by lock
    private final WaitQueue receivers = new WaitQueue(); // guarded by lock
    /** {@code null}, the spinner, {@link #QUEUED} or {@link #CLOSED_TOP} (class comment). */
    private volatile WaitNode top;
    /**
     * Built with both hints (one sending thread, one receiving thread at a time): a spinner that
     * an operation finds in {@code top} is of the other direction, since the only other thread
     * of its own direction is the caller itself. Such a channel claims it without reading its
     * node first.
     */
    private final boolean oneToOne;
    private volatile int waitingSenders;
    private volatile int waitingReceivers;
    private volatile boolean closed;
    /**
     * Spinning allowed when {@code >= 0}; negative: operations left before the next trial spin.
     * A heuristic, read and written plainly by all threads: a lost update only shifts a trial.
     */
    private int spinCredit;
    /** The pause after the next futile spin: {@link #SPIN_PAUSE} doubled per futile spin in a row. Plain, as {@code spinCredit}. */
    private int spinPause = SPIN_PAUSE;

    RendezvousChannel(Consumer<? super T> onUndelivered, boolean oneToOne) {
        this(onUndelivered, oneToOne, FIRST_SPIN_AFTER);
    }

    /** For tests: a channel whose first spin comes after {@code firstSpinAfter} blocking operations (0: at once). */
    RendezvousChannel(Consumer<? super T> onUndelivered, boolean oneToOne, int firstSpinAfter) {
        super(onUndelivered);
        this.oneToOne = oneToOne;
        this.spinCredit = -firstSpinAfter;
    }

    // ---- non-blocking operations ----------------------------------------------------------------

    @Override
    public SendResult trySend(T element) {
        Objects.requireNonNull(element, "element");
        for (WaitNode t; (t = top) != QUEUED && t != CLOSED_TOP; ) {
            if (t == null || (!oneToOne && t.isSend())) {
                return SendResult.FULL; // open, and no receiver waits (invariant 1)
            }
            if (TOP.compareAndSet(this, t, null)) {
                t.complete(element, WaitNode.DONE);
                return SendResult.SENT;
            }
        }
        lock.lock();
        try {
            absorbSpinnerLocked();
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
            publishLocked();
            lock.unlock();
        }
    }

    @Override
    Object tryReceiveInternal() {
        for (WaitNode t; (t = top) != QUEUED && t != CLOSED_TOP; ) {
            if (t == null || (!oneToOne && !t.isSend())) {
                return EMPTY; // open, and no sender waits (invariant 1)
            }
            if (TOP.compareAndSet(this, t, null)) {
                return takeFrom(t);
            }
        }
        lock.lock();
        try {
            absorbSpinnerLocked();
            WaitNode partner = claimPartnerLocked(senders, null);
            if (partner == null) {
                return closed ? CLOSED : EMPTY;
            }
            return takeFrom(partner);
        } finally {
            publishLocked();
            lock.unlock();
        }
    }

    /** Takes the element of a claimed sender and completes it. */
    private static Object takeFrom(WaitNode sender) {
        Object element = sender.item();
        sender.complete(null, WaitNode.DONE);
        return element;
    }

    // ---- plain blocking operations: wait in top, lock-free ---------------------------------------

    /**
     * Waits in {@code top} when it is free. A partner that installed itself there since this
     * operation's try failed (both tried at once, found {@code null}, and it won the race to
     * install) is claimed here as a try-operation would claim it, without the lock: measured on
     * a hand-off between two carriers, about one hand-off in twelve met that race and took the
     * lock to pair with the spinner it had just missed.
     */
    @Override
    boolean awaitBlocking(WaitNode node, long deadline) throws InterruptedException {
        for (WaitNode t; (t = top) != QUEUED && t != CLOSED_TOP; ) {
            if (t != null) {
                if (!oneToOne && t.isSend() == node.isSend()) {
                    break; // it came first: queue behind it under the lock
                }
                if (TOP.compareAndSet(this, t, null)) {
                    pairWithSpinner(node, t);
                    return true;
                }
            } else if (expired(deadline)) {
                break; // must not wait at all: the locked path answers at once
            } else if (TOP.compareAndSet(this, null, node)) {
                return awaitInTop(node, deadline);
            }
        }
        return super.awaitBlocking(node, deadline); // others wait or closed: queue under the lock
    }

    /** Completes the calling thread's own {@code node} with a spinner it has just claimed from {@code top}. */
    private static void pairWithSpinner(WaitNode node, WaitNode spinner) {
        if (node.isSend()) {
            spinner.complete(node.item(), WaitNode.DONE);
            node.complete(null, WaitNode.DONE);
        } else {
            node.complete(takeFrom(spinner), WaitNode.DONE);
        }
    }

    /** Spins for a partner when spinning pays, then waits as the spinner ({@link #awaitAsSpinner}). */
    private boolean awaitInTop(WaitNode node, long deadline) throws InterruptedException {
        if (spinBeforeParking()) {
            // Read now, while this thread owns top's cache line (it has just installed itself):
            // after a spin that found its partner, the partner's claim has taken that line away,
            // and reading it again would make the woken spinner wait for it once more.
            int pause = spinPause;
            for (int i = Parking.HANDOFF_SPINS; i > 0 && node.status() == WaitNode.PENDING; i--) {
                Thread.onSpinWait();
            }
            boolean foundPartner = node.status() != WaitNode.PENDING;
            if (!foundPartner || pause != SPIN_PAUSE) {
                spinEnded(foundPartner);
            }
        }
        return awaitAsSpinner(node, deadline);
    }

    /**
     * Waits for the completion of {@code node}, installed in {@code top} by the calling thread.
     * A partner completes it after claiming it from {@code top}; a locked operation may absorb it
     * into its queue first, and a partner completes it from there. Status is written last
     * ({@link WaitNode#complete}), so the loop reads nothing else. Not {@link Parking#await}:
     * winning the CAS on {@code top} claims a spinner without recording it in its waiter
     * (invariant 3), so only the status tells, and cancelling must go through {@code top}
     * ({@link #leave}) rather than {@link Waiter#tryCancel} alone. On interrupt or timeout the
     * node leaves ({@link #leave}) unless it was claimed first: then the operation took effect and
     * an interrupt is reported through the interrupt status.
     */
    private boolean awaitAsSpinner(WaitNode node, long deadline) throws InterruptedException {
        for (int i = Parking.spinBudget(); i > 0 && node.status() == WaitNode.PENDING; i--) {
            Thread.onSpinWait(); // a platform thread: parking costs more than a short spin
        }
        while (node.status() == WaitNode.PENDING) {
            boolean interrupted = Thread.interrupted();
            if (interrupted || (deadline != Parking.NO_DEADLINE && deadline - System.nanoTime() <= 0)) {
                if (leave(node)) {
                    if (interrupted) {
                        throw new InterruptedException();
                    }
                    return false;
                }
                Parking.awaitCompletion(node); // claimed first: the completion is under way
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            Parking.parkOnce(node, deadline);
        }
        return true;
    }

    /**
     * Withdraws an unclaimed node of the calling thread's own wait, from {@code top} or, once
     * absorbed, from its queue; returns {@code false} if a partner claimed it first (it completes).
     * Lock-free when the node is still the spinner.
     */
    private boolean leave(WaitNode node) {
        if (top == node && TOP.compareAndSet(this, node, null)) {
            return true; // unlinked before any partner claimed it: the queues are empty (invariant 1)
        }
        lock.lock();
        try {
            if (top == node && TOP.compareAndSet(this, node, null)) {
                return true; // no locked operation can absorb it now: only partners race this CAS
            }
            if (queueOf(node).contains(node) && node.waiter().tryCancel()) {
                unregister(node); // absorbed and unclaimed: claims of queued nodes need this lock
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a timed operation's deadline has passed already (then it must not spin: receive(ZERO) answers at once). */
    private static boolean expired(long deadline) {
        return deadline != Parking.NO_DEADLINE && deadline - System.nanoTime() <= 0;
    }

    @Override
    public boolean spinBeforeParking() {
        int credit = spinCredit;
        if (credit < 0) {
            spinCredit = credit + 1;
            return false;
        }
        return Parking.HANDOFF_SPINS > 0;
    }

    /**
     * After a futile spin (the partner was not running, probably queued on the spinner's own
     * carrier) pauses spinning, longer after each futile spin in a row; after a spin that found
     * its partner, the next futile one pauses for {@link #SPIN_PAUSE} again.
     */
    @Override
    public void spinEnded(boolean foundPartner) {
        int pause = spinPause;
        if (foundPartner) {
            if (pause != SPIN_PAUSE) {
                spinPause = SPIN_PAUSE; // written only on change: this line is hot
            }
            return;
        }
        spinCredit = -pause;
        spinPause = Math.min(pause * 2, MAX_SPIN_PAUSE);
    }

    // ---- registration (lock held) ---------------------------------------------------------------

    @Override
    public Registration registerReceive(WaitNode node) {
        absorbSpinnerLocked();
        try {
            WaitNode partner = claimPartnerLocked(senders, node.waiter());
            if (partner != null) {
                claimOwn(node);
                node.complete(takeFrom(partner), WaitNode.DONE);
                return Registration.COMPLETED;
            }
            if (closed && senders.firstLive(node.waiter()) == null) {
                return completeClosed(node);
            }
            receivers.add(node);
            return Registration.WAITING;
        } finally {
            publishLocked();
        }
    }

    @Override
    public Registration registerSend(WaitNode node) {
        absorbSpinnerLocked();
        try {
            if (closed) {
                return completeClosed(node);
            }
            WaitNode partner = claimPartnerLocked(receivers, node.waiter());
            if (partner != null) {
                claimOwn(node);
                partner.complete(takeFrom(node), WaitNode.DONE);
                return Registration.COMPLETED;
            }
            senders.add(node);
            return Registration.WAITING;
        } finally {
            publishLocked();
        }
    }

    /**
     * A registered node is queued, so {@code top} is {@code QUEUED} or {@code CLOSED_TOP} and
     * nobody can hand over without the lock: its situation is fixed while the lock is held.
     */
    @Override
    public boolean stillWaiting(WaitNode node) {
        return true;
    }

    @Override
    public void unregister(WaitNode node) {
        if (node.isSend()) {
            if (senders.remove(node)) {
                closeReceiversIfDrainedLocked();
            }
        } else {
            receivers.remove(node);
        }
        publishLocked();
    }

    // ---- helpers (lock held) --------------------------------------------------------------------

    /**
     * Moves the spinner, if any, to its queue (empty until now, so it becomes the head) and makes
     * {@code top} {@link #QUEUED}, unless it is {@link #CLOSED_TOP}. Afterwards {@code top} stays
     * as it is until the lock is released (invariant 2). Lock held.
     */
    private void absorbSpinnerLocked() {
        for (;;) {
            WaitNode t = top;
            if (t == QUEUED || t == CLOSED_TOP) {
                return;
            }
            if (TOP.compareAndSet(this, t, QUEUED)) {
                if (t != null) {
                    queueOf(t).add(t);
                    countLocked(); // before anyone can read "closed" (invariant 5)
                }
                return;
            }
        }
    }

    /** Publishes the queue sizes and, when both queues are empty and the channel open, {@code top = null}. Lock held. */
    private void publishLocked() {
        countLocked();
        if (top == QUEUED && senders.isEmpty() && receivers.isEmpty()) {
            top = null;
        }
    }

    /** Publishes the queue sizes; a volatile write costs a fence, so only those that changed. Lock held. */
    private void countLocked() {
        int s = senders.size();
        int r = receivers.size();
        if (waitingSenders != s) {
            waitingSenders = s;
        }
        if (waitingReceivers != r) {
            waitingReceivers = r;
        }
    }

    private WaitQueue queueOf(WaitNode node) {
        return node.isSend() ? senders : receivers;
    }

    /**
     * Claims the first live waiter in {@code queue} other than {@code self} and unlinks it;
     * returns {@code null} when there is none. Dead nodes met on the way are purged. Lock held,
     * spinner absorbed.
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
        return partner;
    }

    /** Once closed and no sender is left, every waiting receiver sees "closed". Lock held. */
    private void closeReceiversIfDrainedLocked() {
        if (!closed || senders.firstLive(null) != null) {
            return;
        }
        receivers.completeAllClosed();
    }

    // ---- close and cancel -----------------------------------------------------------------------

    @Override
    boolean closeInternal(Throwable cause) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            absorbSpinnerLocked();
            top = CLOSED_TOP; // before "closed": invariant 5
            closeCause = cause;
            closed = true;
            closeReceiversIfDrainedLocked();
            return true;
        } finally {
            publishLocked();
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
            absorbSpinnerLocked();
            top = CLOSED_TOP;
            cancelled = true;
            closed = true;
            senders.completeAllClosed(); // senders keep their elements
            closeReceiversIfDrainedLocked();
            return true;
        } finally {
            publishLocked();
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
        WaitNode t = top;
        boolean spinning = t != null && t != QUEUED && t != CLOSED_TOP;
        int spinningSenders = spinning && t.isSend() ? 1 : 0;
        int spinningReceivers = spinning && !t.isSend() ? 1 : 0;
        return "Channel[RENDEZVOUS, size=0, waiting receivers=" + (waitingReceivers + spinningReceivers)
                + ", waiting senders=" + (waitingSenders + spinningSenders) + ", " + stateName(closed) + "]";
    }
}
