package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.WaitQueue;
import io.github.csp4j.channels.spi.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The rendezvous channel (capacity 0): a send completes only when a receiver takes the element.
 *
 * <h2>Algorithm</h2>
 * Two ways to wait, one word that says which is in use. The {@code top} word is
 * <ul>
 * <li>{@code null}: nobody waits and the channel is open;</li>
 * <li>a {@link WaitNode}: exactly one plain (non-select) send or receive waits, spinning or
 *     parked on its own node, in no queue: the <em>spinner</em>; or one node of a select waits
 *     there, <em>installed</em> (section "A select in top");</li>
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
 * queues are empty ({@link #publishLocked}).
 *
 * <p>The markers are nodes that never wait, so that {@code top} is typed and a partner tells a
 * spinner from a marker by comparing references.
 *
 * <h2>Both hints: a hand-off in one cache line</h2>
 * Built with both hints (one sender, one receiver: {@code oneToOne}), a lock-free hand-off
 * touches only the channel's own fields, which sit beside {@code top}, and never the spinner's
 * node: a spinner that an operation finds is of the other direction (the only other thread of
 * its own direction is the caller), so nothing of the node needs reading, and
 * <ul>
 * <li>a sending spinner writes its element to {@code offered} before it installs its node; the
 *     receiver reads it there, then claims by the CAS on {@code top};</li>
 * <li>a sender that finds a receiving spinner writes the element to {@code handed}, then claims
 *     by the CAS (and takes the write back if the CAS fails);</li>
 * <li>the spinner polls {@code top}, not its node: once its node is gone from there it was
 *     claimed, unless a locked operation absorbed it (then {@code top} is a marker, and the
 *     queue, read under the lock, tells: {@link #claimedOrAbsorbed});</li>
 * <li>a spinner about to park announces it in {@code parkedSender} or {@code parkedReceiver}
 *     and then re-reads {@code top}; its claimer reads that field after its CAS (a Dekker pair)
 *     and wakes it. It announces it in its node too, for a locked completion after an absorption.</li>
 * </ul>
 * Each hand-off thus moves one cache line between the two cores, twice, instead of the channel's
 * line and the node's. Measured (alternating forks against the node-based claim, both polling
 * every 8 pauses, now {@link #POLL_INTERVAL_NANOS}): benchmarks/ANALYSIS.md.
 *
 * <h2>A select in top</h2>
 * A select that must park, and whose clauses are all on rendezvous channels, installs one node
 * per clause in each channel's {@code top} while it is {@code null} ({@link #tryInstall}); the
 * nodes share the select's {@link Waiter}. A partner that reads such a node unlinks it by CAS
 * to {@code null} and then claims the waiter ({@link #claimInstalled}); if that claim loses (the
 * select won on another channel, or gave up) the node is dead, already out of {@code top}, and
 * the partner reads {@code top} again as if it had been empty. Unlinking first means that a node
 * is never claimed while still in {@code top}: its select withdraws only the nodes that lost
 * ({@link #withdraw}, a CAS while the node is there, else under the lock). An operation of the
 * node's own direction goes the locked way, which absorbs the node into its queue like a
 * spinner, where it is an ordinary queued select node. A select installs nothing while it holds
 * a partner's claim of its own: before it takes a partner itself it cancels its waiter (in the
 * select module). A plain node is its own waiter and a select's node is not, which tells them
 * apart. With both hints a partner does not read a spinner's node (section "Both hints"), so the
 * one thread of each direction marks the channel before it installs a select's node: it writes
 * itself into its direction's parked-thread field ({@code parkedSender}, {@code parkedReceiver}),
 * and clears that mark when its select ends ({@link #released}). A partner that reads a node in
 * {@code top} reads that field next, in the line it holds already, and reads the node itself only
 * if the field is set (a select's mark, or a spinner that announced its park). The mark is
 * written before the CAS that installs the node and cleared only after the node has left
 * {@code top}, so a partner that finds the field empty finds a plain spinner, or a node whose
 * CAS it will lose.
 *
 * <h2>Invariants</h2>
 * <ol>
 * <li>{@code top} is {@code null}, a spinner or an installed select node only while both queues
 *     are empty. Queues change under the lock only, after absorbing; {@code top} becomes {@code null} under the lock only
 *     when they are empty. Hence a lock-free operation that reads {@code null} or a spinner sees
 *     every waiter of the channel in that one read: its answer (nothing to pair with, or that
 *     spinner) is linearizable at that read.</li>
 * <li>Lock-free transitions are {@code null -> spinner} (its owner) and {@code spinner -> null}:
 *     a partner's claim, which must then complete the node, or the owner leaving (interrupt,
 *     timeout), which then owns the node again; one CAS decides between them. Likewise
 *     {@code null -> select node} (its select) and {@code select node -> null} (a partner,
 *     which then claims the waiter, or the select withdrawing it). {@code QUEUED} and
 *     {@code CLOSED_TOP} are written under the lock only, so while the lock is held they stay.</li>
 * <li>A spinner's waiter is never claimed through {@link Waiter#tryClaim} while it is the
 *     spinner: winning the CAS on {@code top} is the claim. An installed select node is claimed
 *     through its waiter, and only after the CAS that unlinked it. Once absorbed it is an ordinary
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
 * Parking#HANDOFF_SPIN_NANOS}) and polls only what its partner writes last: its own node's
 * status (written last by the completer: reading the claim earlier pulls the node's cache line
 * back in the middle of the completion, measured 1.3x slower), or with both hints {@code top}
 * itself. It polls once per {@link #POLL_INTERVAL_NANOS}, for the same reason: a poll at every
 * pause pulls the line back from a partner that is writing it. The spin never waits for another
 * thread's step, and ends in a park in {@code top}:
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
    /**
     * A spinner polls at most once per this many nanoseconds, pausing in between ({@link
     * Parking#pauseUntil}). Polling the line that the partner is about to write (its CAS on
     * {@code top}, or its completion of the node) at every pause pulls that line back in the
     * middle of the partner's claim. Tuned as a number of pauses on an Intel Xeon, where a pause
     * costs about 13 ns (alternating forks, 3 rounds, against polling at every pause): hand-off
     * 0.77x, ping-pong 0.79x; with both hints, where the spinner polls {@code top} itself, 8
     * pauses per poll gave 0.50x of 4 and 16 gave 1.26x of 8. This is those 8 pauses as a time;
     * on an AMD EPYC, where a pause costs 27 ns, the same time is 4 pauses and the 8 counted
     * pauses were slower (benchmarks/ANALYSIS.md, session 15).
     */
    static final long POLL_INTERVAL_NANOS = 100;

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
    /**
     * With both hints: the element of a sending spinner, written by the one sender before it
     * installs itself (its node carries it too), so that the receiver that claims it reads it in
     * {@code top}'s cache line. Anyone may clear it at any time (the claimer does, just before its
     * CAS, and may so clear a newer offer when it loses): a claimer that finds {@code null} reads
     * the node instead.
     */
    private Object offered;
    /**
     * With both hints: the element handed to a receiving spinner, written by the one sender just
     * before the CAS that claims it (taken back if the CAS fails), read by the receiver once it
     * finds itself claimed, and cleared by the receiver's next operation ({@link #forgetHanded}).
     * A sender writes it only for a spinner it has just read in {@code top}, which that receiver
     * installed after clearing its previous element.
     */
    private Object handed;
    /**
     * With both hints: the sending spinner's thread once it announced a park, read by its claimer
     * after the CAS; or the sending thread's mark that its node in {@code top} is a select's,
     * read by a partner before its CAS (section "A select in top").
     */
    private volatile Thread parkedSender;
    /** With both hints: as {@link #parkedSender}, for the receiving thread. */
    private volatile Thread parkedReceiver;
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
            if (oneToOne) {
                if (markedSelect(parkedReceiver, t)) {
                    if (claimInstalled(t)) { // a select's node, marked (section "A select in top")
                        t.complete(element, WaitNode.DONE);
                        return SendResult.SENT;
                    }
                } else if (handTo(t, element)) {
                    return SendResult.SENT;
                }
            } else if (t.waiter() != t) {
                if (claimInstalled(t)) { // a select's node (section "A select in top")
                    t.complete(element, WaitNode.DONE);
                    return SendResult.SENT;
                }
            } else if (TOP.compareAndSet(this, t, null)) {
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
            if (oneToOne) {
                if (markedSelect(parkedSender, t)) {
                    if (claimInstalled(t)) { // a select's node, marked (section "A select in top")
                        return takeFrom(t);
                    }
                } else {
                    Object element = takeOffered(t);
                    if (element != null) {
                        return element;
                    }
                }
            } else if (t.waiter() != t) {
                if (claimInstalled(t)) { // a select's node (section "A select in top")
                    return takeFrom(t);
                }
            } else if (TOP.compareAndSet(this, t, null)) {
                return takeFrom(t);
            }
        }
        lock.lock();
        try {
            if (oneToOne) {
                forgetHanded();
            }
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

    /**
     * With both hints: claims the receiving spinner {@code receiver} and hands it
     * {@code element} in the channel's own fields, touching nothing of its node (section
     * "Both hints" of the class comment). Returns {@code false} if the spinner left or was
     * absorbed first.
     */
    private boolean handTo(WaitNode receiver, Object element) {
        handed = element; // before the CAS that publishes it; only this sender writes it now
        if (TOP.compareAndSet(this, receiver, null)) {
            wake(parkedReceiver);
            return true;
        }
        handed = null; // not claimed: the receiver never reads it
        return false;
    }

    /**
     * With both hints: claims the sending spinner {@code sender} and returns its element, read
     * in the channel's own fields; {@code null} if the spinner left or was absorbed first.
     */
    private Object takeOffered(WaitNode sender) {
        Object element = offered; // the sender wrote it before installing the node read in top
        if (element == null) {
            element = sender.item(); // cleared by a claim that came too late: see below
        }
        offered = null; // keep no reference; a late write may clear a newer offer, which the node also carries
        forgetHanded();
        if (!TOP.compareAndSet(this, sender, null)) {
            return null;
        }
        wake(parkedSender);
        return element;
    }

    /**
     * With both hints, the receiver's next operation clears the element last handed to it, in a
     * write to {@code top}'s line that it makes anyway: clearing it at once would cost the
     * sender's next access that line.
     */
    private void forgetHanded() {
        if (handed != null) {
            handed = null;
        }
    }

    /** Wakes a spinner that announced a park, read after the CAS that claimed it (the Dekker pair of {@link #awaitOneToOne}). */
    private static void wake(Thread parked) {
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }

    /** Takes the element of a claimed sender and completes it. */
    private static Object takeFrom(WaitNode sender) {
        Object element = sender.item();
        sender.complete(null, WaitNode.DONE);
        return element;
    }

    // ---- a select's node in top -----------------------------------------------------------------

    /**
     * Claims the select's node {@code t}, read in {@code top}: unlinks it by CAS, then claims
     * its waiter. On {@code true} the caller completes it; on {@code false} it left {@code top}
     * first, or its select had won elsewhere or given up (the node is then out of {@code top},
     * dead, and the caller reads {@code top} again).
     */
    private boolean claimInstalled(WaitNode t) {
        return TOP.compareAndSet(this, t, null) && t.waiter().tryClaim(t);
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
                if (oneToOne) {
                    if (markedSelect(node.isSend() ? parkedReceiver : parkedSender, t)) {
                        if (claimInstalled(t)) { // a select's node, marked (section "A select in top")
                            pairWithSpinner(node, t);
                            return true;
                        }
                    } else if (pairOneToOne(node, t)) {
                        return true;
                    }
                } else if (t.waiter() != t) {
                    if (claimInstalled(t)) { // a select's node (section "A select in top")
                        pairWithSpinner(node, t);
                        return true;
                    }
                } else if (TOP.compareAndSet(this, t, null)) {
                    pairWithSpinner(node, t);
                    return true;
                }
            } else if (expired(deadline)) {
                break; // must not wait at all: the locked path answers at once
            } else {
                if (oneToOne) {
                    if (node.isSend()) {
                        offered = node.item(); // before the install that publishes it
                    } else {
                        forgetHanded();
                    }
                }
                if (TOP.compareAndSet(this, null, node)) {
                    return awaitInTop(node, deadline);
                }
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

    /** With both hints: the calling thread's own {@code node} claims the spinner {@code spinner}; {@code false} if it was gone first. */
    private boolean pairOneToOne(WaitNode node, WaitNode spinner) {
        if (node.isSend()) {
            if (!handTo(spinner, node.item())) {
                return false;
            }
            node.complete(null, WaitNode.DONE);
            return true;
        }
        Object element = takeOffered(spinner);
        if (element == null) {
            return false;
        }
        node.complete(element, WaitNode.DONE);
        return true;
    }

    /** Spins for a partner when spinning pays, then waits as the spinner ({@link #awaitAsSpinner}). */
    private boolean awaitInTop(WaitNode node, long deadline) throws InterruptedException {
        if (spinBeforeParking()) {
            // Read now, while this thread owns top's cache line (it has just installed itself):
            // after a spin that found its partner, the partner's claim has taken that line away,
            // and reading it again would make the woken spinner wait for it once more.
            int pause = spinPause;
            // With both hints the claim shows in top, the line the claimer writes (section "Both hints").
            boolean foundPartner = spin(node, Parking.HANDOFF_SPIN_NANOS, oneToOne);
            if (!foundPartner || pause != SPIN_PAUSE) {
                spinEnded(foundPartner);
            }
        }
        return oneToOne ? awaitOneToOne(node, deadline) : awaitAsSpinner(node, deadline);
    }

    /**
     * Spins for up to {@code nanos} while {@code node} waits, polling once per
     * {@link #POLL_INTERVAL_NANOS}: {@code top} if {@code watchTop} (a spinner of a channel with
     * both hints, still in {@code top}), else the node's status. Returns whether it stopped
     * waiting. With no time to spin it polls once and reads no clock. It polls at most {@code
     * nanos / POLL_INTERVAL_NANOS} times, so that the spin ends where the clock does not move.
     */
    private boolean spin(WaitNode node, long nanos, boolean watchTop) {
        if (!waits(node, watchTop)) {
            return true;
        }
        if (nanos <= 0) {
            return false;
        }
        long now = System.nanoTime();
        long end = now + nanos;
        for (long polls = nanos / POLL_INTERVAL_NANOS; polls > 0 && now - end < 0; polls--) {
            now = Parking.pauseUntil(now + POLL_INTERVAL_NANOS);
            if (!waits(node, watchTop)) {
                return true;
            }
        }
        return false;
    }

    private boolean waits(WaitNode node, boolean watchTop) {
        return watchTop ? top == node : node.status() == WaitNode.PENDING;
    }

    /**
     * With both hints: waits as the spinner until it leaves {@code top}. A partner claims it by
     * the CAS on {@code top} and touches nothing of the node, so the loop watches {@code top};
     * once the node is gone from there, {@link #claimedOrAbsorbed} tells a claim from an
     * absorption into a queue (then the node waits as any absorbed spinner). Parking announces
     * itself twice: in the channel's field, which a lock-free claimer reads after its CAS, and in
     * the node ({@link Parking#parkOnce}), which a locked completion reads. Interrupt and timeout
     * as in {@link #awaitAsSpinner}.
     */
    private boolean awaitOneToOne(WaitNode node, long deadline) throws InterruptedException {
        boolean send = node.isSend();
        boolean announced = false;
        try {
            spin(node, Parking.spinBudgetNanos(), true); // a platform thread: parking costs more than a short spin
            for (;;) {
                WaitNode t = top;
                if (t != node) {
                    if (claimedOrAbsorbed(node, t)) {
                        return true;
                    }
                    return awaitAsSpinner(node, deadline); // absorbed: a queued waiter now
                }
                boolean interrupted = Thread.interrupted();
                if (interrupted || expired(deadline)) {
                    if (leave(node)) {
                        if (interrupted) {
                            throw new InterruptedException();
                        }
                        return false;
                    }
                    if (node.status() == WaitNode.PENDING) {
                        finishClaimed(node); // claimed lock-free: left nothing to wait for
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                }
                if (!announced) {
                    announced = true;
                    if (send) {
                        parkedSender = Thread.currentThread();
                    } else {
                        parkedReceiver = Thread.currentThread();
                    }
                    continue; // re-check top after announcing: a claimer that missed it has claimed
                }
                Parking.parkOnce(node, deadline);
            }
        } finally {
            if (announced) {
                if (send) {
                    parkedSender = null;
                } else {
                    parkedReceiver = null;
                }
            }
            if (send && node.status() == WaitNode.PENDING) {
                offered = null; // left: keep no reference (a claim clears it, and so does an absorption)
            }
        }
    }

    /**
     * With both hints: the spinner {@code node} of the calling thread has left {@code top}, which
     * now holds {@code t}. Returns {@code true} once the operation is complete (claimed without
     * the lock, finished here; or absorbed and completed under the lock), {@code false} if the node
     * was absorbed into its queue and still waits there. While the node is queued {@code top}
     * stays a marker (invariant 1), so any other value means it is not queued; a marker may also
     * follow a lock-free claim, and then the queue, read under the lock, tells.
     */
    private boolean claimedOrAbsorbed(WaitNode node, WaitNode t) {
        if (t == QUEUED || t == CLOSED_TOP) {
            lock.lock();
            try {
                if (node.status() == WaitNode.PENDING && queueOf(node).contains(node)) {
                    return false;
                }
            } finally {
                lock.unlock();
            }
        }
        if (node.status() == WaitNode.PENDING) {
            finishClaimed(node); // locked completions write the status before top can change again
        }
        return true;
    }

    /** With both hints: completes the calling thread's own node, claimed without the lock by a partner that touched only the channel's fields. */
    private void finishClaimed(WaitNode node) {
        if (node.isSend()) {
            node.completeOwn(null);
        } else {
            node.completeOwn(handed); // written before the claiming CAS, which this thread has seen
        }
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
        spin(node, Parking.spinBudgetNanos(), false); // a platform thread: parking costs more than a short spin
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
        return Parking.HANDOFF_SPIN_NANOS > 0;
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
        if (top == node) {
            TOP.compareAndSet(this, node, null); // installed and still there: nobody is queued (a lost CAS: a partner took it)
            return;
        }
        if (node.isSend()) {
            if (senders.remove(node)) {
                closeReceiversIfDrainedLocked();
            }
        } else {
            receivers.remove(node);
        }
        publishLocked();
    }

    // ---- a select's lock-free wait --------------------------------------------------------------

    /** Every rendezvous channel; with both hints the select marks the channel (section "A select in top"). */
    @Override
    public boolean installsLockFree() {
        return true;
    }

    /**
     * Installs a select's node in {@code top} when it is {@code null}: nobody waits and the
     * channel is open (invariants 1 and 5). A partner then claims it lock-free
     * ({@link #claimInstalled}); a locked operation absorbs it into its queue like a spinner.
     */
    @Override
    public boolean tryInstall(WaitNode node) {
        if (top != null) {
            return false;
        }
        if (oneToOne) {
            Thread self = Thread.currentThread(); // the mark, before the install that publishes it
            if (node.isSend()) {
                if (parkedSender != self) {
                    parkedSender = self;
                }
            } else if (parkedReceiver != self) {
                parkedReceiver = self;
            }
        }
        return TOP.compareAndSet(this, null, node);
    }

    /**
     * With both hints: whether {@code t}, read in {@code top}, is a select's node, given the
     * parked-thread field {@code mark} of its direction read after it: an empty field means a
     * plain spinner (or a node whose CAS the caller will lose), and the node is not read.
     */
    private static boolean markedSelect(Thread mark, WaitNode t) {
        return mark != null && t.waiter() != t;
    }

    /**
     * With both hints: the select's thread clears its mark once its node has left {@code top}
     * for good. A partner reads the mark before its CAS on {@code top}, so one that reads it
     * cleared cannot unlink the node any more. The mark stays while a select's node of the same
     * direction is still in {@code top}: with one thread per direction that is another node of
     * the same select (the channel in two of its clauses, the second install failing), which
     * still needs it.
     */
    @Override
    public void released(WaitNode node) {
        if (!oneToOne) {
            return;
        }
        WaitNode t = top;
        if (t != null && t != QUEUED && t != CLOSED_TOP && t.isSend() == node.isSend() && t.waiter() != t) {
            return;
        }
        Thread self = Thread.currentThread();
        if (node.isSend()) {
            if (parkedSender == self) {
                parkedSender = null;
            }
        } else if (parkedReceiver == self) {
            parkedReceiver = null;
        }
    }

    /** Lock-free while the node is still in {@code top}; under the lock once absorbed or taken. */
    @Override
    public void withdraw(WaitNode node) {
        if (top == node && TOP.compareAndSet(this, node, null)) {
            return;
        }
        super.withdraw(node);
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
                    if (oneToOne && t.isSend()) {
                        offered = null; // the queued node carries the element; nobody reads it here now
                    }
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
