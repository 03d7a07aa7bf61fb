package io.github.csp4j.select;

import io.github.csp4j.channels.SendResult;
import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.SelectableChannel;
import io.github.csp4j.channels.spi.SelectableChannel.Registration;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.Waiter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The select algorithm (Go's runtime/select.go, on csp4j's channel contract).
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li><b>Poll.</b> Try every enabled clause once, without waiting, in a uniformly random order
 *       (fair) or in the given order (priority); the first that completes wins. No lock is taken
 *       on a buffered channel, nothing is registered, and nothing is allocated beyond what the
 *       channel's try-operation returns.</li>
 *   <li><b>Default.</b> If nothing completed and there is a default clause, take it (once the
 *       locks below confirm an instant when no clause could complete).</li>
 *   <li><b>Spin.</b> A virtual thread whose channels say that spinning finds partners there
 *       ({@link SelectableChannel#spinBeforeParking()}) polls again for a short while: a partner
 *       running on another carrier is then met without a lock ({@link #spinPolling}).</li>
 *   <li><b>Install</b> (every clause on a rendezvous channel, no default). Put one
 *       {@link WaitNode} per clause, all sharing one {@link Waiter}, in each channel's top word
 *       by CAS, where a partner claims it without a lock
 *       ({@link #awaitInstalled}), and go to Park. A channel that is not idle (a partner came
 *       meanwhile, others wait, or it is closed) ends the installation: the select cancels its
 *       waiter, withdraws its nodes, tries that clause once, and registers if that fails.</li>
 *   <li><b>Register.</b> Lock the channels of all enabled clauses in ascending id order (each
 *       once; plain operations hold one channel lock at a time, so this order cannot deadlock),
 *       then register one {@link WaitNode} per clause, all sharing one {@link Waiter}. A
 *       registration that finds its operation ready completes it at once: nobody else can claim
 *       the waiter while we hold every lock its nodes are reachable through. Unlock.</li>
 *   <li><b>Park.</b> A partner completes exactly one node: claiming the shared waiter is one CAS,
 *       and a node whose waiter is already claimed is dead to every other partner. (A platform
 *       thread spins on its waiter first, in {@link Parking#await}.)</li>
 *   <li><b>Clean up.</b> Unlink the nodes that lost ({@link SelectableChannel#withdraw}: a CAS
 *       for an installed node still in place, else one channel lock at a time), so a select in a
 *       loop leaves nothing behind, then run the winner's handler.</li>
 * </ol>
 * On interrupt or timeout the waiter is cancelled by CAS; if a partner claimed it first, the
 * claim wins and the select completes normally (with the interrupt status set again).
 */
final class SelectOperation {
    /**
     * A spin-polling select ({@link #spinPolling}) polls its clauses at most once per this many
     * nanoseconds, pausing in between ({@link Parking#pauseUntil}). Each poll reads the top word
     * of every rendezvous channel it selects over, the line a partner writes to install itself
     * there (and, with both hints, to offer its element): polled at every pause, that line is
     * pulled back to the selecting core while the partner is writing it. Tuned as a number of
     * pauses on an Intel Xeon, where a pause costs about 13 ns (SelectTwo over rendezvous channels
     * with both hints, alternating forks, 2 carriers): every 4 pauses 1.24x and 1.49x faster than
     * every pause (6 rounds each); every 2 pauses 1.15x slower than every 4 (4 rounds), every 8
     * pauses 1.08x slower (6 rounds); without hints, and on one carrier, no change (1.01x,
     * 0.997x). This is those 4 pauses as a time (2 pauses of an AMD EPYC: benchmarks/ANALYSIS.md,
     * session 15).
     */
    private static final long POLL_INTERVAL_NANOS = 50;

    /** Largest clause count whose random order is packed into a long (4 bits per index). */
    private static final int PACKED_MAX = 16;

    private SelectOperation() {
    }

    /** Returned by {@link #block} when a non-blocking select must poll again. */
    private static final Object RETRY = new Object();

    /**
     * The clauses of one select as given: the caller's varargs array or list, read in place
     * (wrapping an array in a list would cost an allocation per select).
     */
    static <R> R run(SelectClause<? extends R>[] array, boolean fair) throws InterruptedException {
        return run(array, null, array.length, fair);
    }

    static <R> R run(List<? extends SelectClause<? extends R>> list, boolean fair) throws InterruptedException {
        return run(null, list, list.size(), fair);
    }

    private static <R> R run(SelectClause<? extends R>[] array, List<? extends SelectClause<? extends R>> list, int n,
            boolean fair) throws InterruptedException {
        for (;;) {
            Object r = runOnce(array, list, n, fair);
            if (r != RETRY) {
                @SuppressWarnings("unchecked")
                R result = (R) r;
                return result;
            }
        }
    }

    private static <R> Object runOnce(SelectClause<? extends R>[] array, List<? extends SelectClause<? extends R>> list,
            int n, boolean fair) throws InterruptedException {
        long packed = 0;
        int[] order = null;
        if (n <= PACKED_MAX) {
            packed = fair ? randomPacked(n) : identityPacked(n);
        } else {
            order = fair ? randomOrder(n) : identityOrder(n);
        }

        Object polled = pollOperations(array, list, n, packed, order);
        if (polled != NOT_READY) {
            return polled;
        }
        TimeoutClause<? extends R> timeout = null;
        DefaultClause<? extends R> fallback = null;
        int operations = 0;
        for (int i = 0; i < n; i++) {
            SelectClause<? extends R> c = array != null ? array[i] : list.get(i);
            if (!c.isEnabled()) {
                continue;
            }
            if (isOperation(c)) {
                operations++;
            } else if (c instanceof TimeoutClause<? extends R> tc) {
                timeout = tc;
            } else if (c instanceof DefaultClause<? extends R> dc) {
                fallback = dc;
            }
        }
        if (fallback != null) {
            // Nothing was ready when polled, but the polls were not at one instant: confirm under
            // the locks that there is an instant when no clause can complete (or complete one).
            return operations == 0 ? fallback.onDefault() : block(new Clauses<>(array, list, n), packed, order, operations,
                    Parking.NO_DEADLINE, null, fallback);
        }
        if (timeout != null && timeout.nanos == 0) {
            return timeout.onTimeout();
        }
        long deadline = timeout == null || timeout.nanos >= Long.MAX_VALUE / 2
                ? Parking.NO_DEADLINE : Parking.deadline(timeout.nanos);
        if (operations == 0) {
            parkWithoutClauses(deadline);
            return timeout.onTimeout();
        }
        if (Thread.currentThread().isVirtual()) {
            Object r = spinPolling(array, list, n, packed, order);
            if (r != NOT_READY) {
                return r;
            }
        }
        if (installsLockFree(array, list, n)) {
            Object r = awaitInstalled(new Clauses<>(array, list, n), packed, order, deadline, timeout);
            if (r != NOT_READY) {
                return r;
            }
        }
        // Only a select that must register reads the clauses through a view object: polling
        // reads them in place, so a select that finds a clause ready allocates nothing.
        return block(new Clauses<>(array, list, n), packed, order, operations, deadline, timeout, null);
    }

    /** Returned by {@link #pollOperations} when no clause could complete. */
    private static final Object NOT_READY = new Object();

    /**
     * The lock-free wait of a select whose channels all take nodes without their locks
     * ({@link SelectableChannel#installsLockFree()}: rendezvous channels). It installs one node
     * per clause, all sharing one waiter, where a partner finds it without a lock
     * ({@link SelectableChannel#tryInstall}), and parks. A partner that comes unlinks the
     * node, claims the waiter and completes the node: no lock on either side, and the select
     * withdraws only its losing nodes (a CAS each). Measured against registering under the locks
     * (select over two rendezvous channels, one carrier, where every select parks): 0.85x
     * without hints, 0.81x with both (session 13).
     *
     * <p>A channel that cannot take its node has a partner that came since the poll, other
     * waiters, or is closed. The select then takes that partner, or finds "closed", with one try
     * ({@link #pollClause}); {@link #NOT_READY} sends it the locked way, which queues behind
     * the waiters. Before that try it must cancel its waiter if a node is installed already: a
     * partner may claim an installed node at any time, and the select must not also take one
     * itself. {@link Waiter#tryCancel()} either makes every installed node dead, or fails because
     * a partner won (that clause is then the winner).
     */
    private static <R> Object awaitInstalled(Clauses<R> clauses, long packed, int[] order, long deadline,
            TimeoutClause<? extends R> timeout) throws InterruptedException {
        int n = clauses.size();
        Waiter waiter = new Waiter();
        WaitNode[] nodes = new WaitNode[n];
        int installed = 0;
        for (int k = 0; k < n && waiter.isWaiting(); k++) {
            int i = order == null ? nibble(packed, k) : order[k];
            SelectClause<? extends R> c = clauses.get(i);
            if (!c.isEnabled()) {
                continue;
            }
            WaitNode node;
            if (c instanceof ReceiveClause<?, ? extends R>) {
                node = new WaitNode(waiter, false, i, null);
            } else if (c instanceof SendClause<?, ? extends R> sc) {
                node = new WaitNode(waiter, true, i, sc.value);
            } else {
                continue;
            }
            if (!selectableOf(c).tryInstall(node)) {
                selectableOf(c).released(node);
                if (installed > 0) {
                    if (!waiter.tryCancel()) {
                        break; // a partner claimed a node installed already: that clause won
                    }
                    withdraw(clauses, nodes, null);
                }
                return pollClause(c); // no node of ours is out there now
            }
            nodes[i] = node;
            installed++;
        }
        return awaitWinner(clauses, nodes, waiter, deadline, timeout);
    }

    /**
     * Before registering, a virtual thread whose channels say that spinning finds partners there
     * polls its clauses again for {@link Parking#HANDOFF_SPIN_NANOS}, once per
     * {@link #POLL_INTERVAL_NANOS}, and tells those channels how the spin ended. This is a select's
     * lock-free way to meet a partner that is running on another carrier: a plain send or
     * receive that comes meanwhile spins in a rendezvous channel's top word and is claimed here
     * with one CAS, with no allocation, no installation and no clean-up. Measured: select over
     * two rendezvous channels, 612 to 355 ns (JMH, 2 carriers). Installing the select's nodes at
     * once instead, and spinning on its waiter, measured 1.04x-1.18x slower (the partner mostly
     * arrives between the poll and the installation), so the select installs only after this
     * spin.
     */
    private static <R> Object spinPolling(SelectClause<? extends R>[] array,
            List<? extends SelectClause<? extends R>> list, int n, long packed, int[] order) {
        long allowed = spinAllowed(array, list, n);
        if (allowed == 0) {
            return NOT_READY;
        }
        boolean foundPartner = true; // also when a clause's handler or closed channel throws
        try {
            Object r = NOT_READY;
            long now = System.nanoTime();
            long end = now + Parking.HANDOFF_SPIN_NANOS;
            // At most as many polls as the interval fits into the spin: finite where the clock does not move.
            for (long polls = Parking.HANDOFF_SPIN_NANOS / POLL_INTERVAL_NANOS; polls > 0 && r == NOT_READY
                    && now - end < 0; polls--) {
                now = Parking.pauseUntil(now + POLL_INTERVAL_NANOS);
                r = pollOperations(array, list, n, packed, order);
            }
            foundPartner = r != NOT_READY;
            return r;
        } finally {
            spinEnded(array, list, n, allowed, foundPartner);
        }
    }

    /**
     * Asks the channel of each enabled operation clause whether to spin before parking: bit i
     * set if clause i's channel allows it (clauses past the 64th are not asked). Zero: do not spin.
     */
    private static long spinAllowed(SelectClause<?>[] array, List<? extends SelectClause<?>> list, int n) {
        long allowed = 0;
        for (int i = 0; i < n && i < Long.SIZE; i++) {
            SelectClause<?> c = array != null ? array[i] : list.get(i);
            if (c.isEnabled() && isOperation(c) && selectableOf(c).spinBeforeParking()) {
                allowed |= 1L << i;
            }
        }
        return allowed;
    }

    /** Tells the channels that allowed a spin ({@link #spinAllowed}) how it ended. */
    private static void spinEnded(SelectClause<?>[] array, List<? extends SelectClause<?>> list, int n, long allowed,
            boolean foundPartner) {
        for (int i = 0; i < n && i < Long.SIZE; i++) {
            if ((allowed & (1L << i)) != 0) {
                selectableOf(array != null ? array[i] : list.get(i)).spinEnded(foundPartner);
            }
        }
    }

    /** Tries each enabled operation clause once, in the given order: a result, or {@link #NOT_READY}. */
    private static <R> Object pollOperations(SelectClause<? extends R>[] array,
            List<? extends SelectClause<? extends R>> list, int n, long packed, int[] order) {
        for (int k = 0; k < n; k++) {
            int i = order == null ? nibble(packed, k) : order[k];
            SelectClause<? extends R> c = array != null ? array[i] : list.get(i);
            if (c.isEnabled() && isOperation(c)) {
                Object r = pollClause(c);
                if (r != NOT_READY) {
                    return r;
                }
            }
        }
        return NOT_READY;
    }

    /** Whether every enabled operation clause is on a channel that takes a select's node lock-free. */
    private static boolean installsLockFree(SelectClause<?>[] array, List<? extends SelectClause<?>> list, int n) {
        for (int i = 0; i < n; i++) {
            SelectClause<?> c = array != null ? array[i] : list.get(i);
            if (c.isEnabled() && isOperation(c) && !selectableOf(c).installsLockFree()) {
                return false;
            }
        }
        return true;
    }

    /** Tries one enabled operation clause (a receive or a send) once: a result, or {@link #NOT_READY}. */
    private static <R> Object pollClause(SelectClause<? extends R> c) {
        if (c instanceof ReceiveClause<?, ? extends R> rc) {
            Object r = rc.selectable.tryReceiveRaw();
            if (r == SelectableChannel.CLOSED) {
                return rc.onClosed();
            }
            return r == SelectableChannel.NOTHING ? NOT_READY : rc.onElement(r);
        }
        SendClause<?, ? extends R> sc = (SendClause<?, ? extends R>) c;
        SendResult r = trySend(sc);
        if (r == SendResult.CLOSED) {
            throw sc.selectable.closedForSendException();
        }
        return r == SendResult.SENT ? sc.onSent() : NOT_READY;
    }

    private static <T> SendResult trySend(SendClause<T, ?> sc) {
        return sc.channel.trySend(sc.value);
    }

    /**
     * Registers every clause and waits. With a {@code fallback} (a default clause) it does not
     * wait: if no registration completed and every clause still cannot complete while all locks
     * are held, that instant is when no clause could complete, and the default runs; if some
     * clause became ready meanwhile, {@link #RETRY}.
     */
    private static <R> Object block(Clauses<R> clauses, long packed, int[] order,
            int operations, long deadline, TimeoutClause<? extends R> timeout, DefaultClause<? extends R> fallback)
            throws InterruptedException {
        int n = clauses.size();
        Waiter waiter = new Waiter();
        WaitNode[] nodes = new WaitNode[n];
        SelectableChannel[] locks = lockOrder(clauses, operations);
        WaitNode winner = null;
        boolean takeDefault = false;
        for (SelectableChannel ch : locks) {
            ch.lock().lock();
        }
        try {
            for (int k = 0; k < n && winner == null; k++) {
                int i = order == null ? nibble(packed, k) : order[k];
                SelectClause<? extends R> c = clauses.get(i);
                if (!c.isEnabled()) {
                    continue;
                }
                Registration reg;
                if (c instanceof ReceiveClause<?, ? extends R> rc) {
                    nodes[i] = new WaitNode(waiter, false, i, null);
                    reg = rc.selectable.registerReceive(nodes[i]);
                } else if (c instanceof SendClause<?, ? extends R> sc) {
                    nodes[i] = new WaitNode(waiter, true, i, sc.value);
                    reg = sc.selectable.registerSend(nodes[i]);
                } else {
                    continue;
                }
                if (reg == Registration.COMPLETED) {
                    winner = nodes[i];
                }
            }
            if (winner == null && fallback != null) {
                // Hand-overs owed to waiters come first (they may serve this select): deciding
                // without them could retry forever while their thread waits for our locks.
                for (SelectableChannel ch : locks) {
                    ch.settleLocked();
                }
                winner = waiter.winner();
            }
            if (winner == null && fallback != null) {
                boolean noneCanComplete = true;
                for (WaitNode node : nodes) {
                    if (node != null && !selectableOf(clauses.get(node.clause())).stillWaiting(node)) {
                        noneCanComplete = false;
                        break;
                    }
                }
                waiter.tryCancel(); // cannot fail: every claim needs one of the locks we hold
                unregisterAllLocked(clauses, nodes, null);
                takeDefault = noneCanComplete;
            }
            if (winner != null) {
                unregisterAllLocked(clauses, nodes, winner);
            }
        } finally {
            for (int i = locks.length - 1; i >= 0; i--) {
                locks[i].lock().unlock();
            }
        }
        if (winner == null && fallback != null) {
            return takeDefault ? fallback.onDefault() : RETRY; // handlers run outside the locks
        }
        if (winner == null) {
            return awaitWinner(clauses, nodes, waiter, deadline, timeout);
        }
        return complete(clauses.get(winner.clause()), winner);
    }

    /**
     * Parks until a partner completes one of {@code nodes} (all of {@code waiter}), the deadline
     * passes or an interrupt; withdraws the other nodes; runs the winner's handler, or the
     * timeout's.
     */
    private static <R> Object awaitWinner(Clauses<R> clauses, WaitNode[] nodes, Waiter waiter, long deadline,
            TimeoutClause<? extends R> timeout) throws InterruptedException {
        WaitNode winner;
        try {
            winner = Parking.await(waiter, deadline);
        } catch (InterruptedException e) {
            withdraw(clauses, nodes, null);
            throw e;
        }
        withdraw(clauses, nodes, winner);
        if (winner == null) {
            return timeout.onTimeout();
        }
        return complete(clauses.get(winner.clause()), winner);
    }

    private static <R> R complete(SelectClause<? extends R> clause, WaitNode winner) {
        if (clause instanceof ReceiveClause<?, ? extends R> rc) {
            return winner.status() == WaitNode.DONE ? rc.onElement(winner.item()) : rc.onClosed();
        }
        SendClause<?, ? extends R> sc = (SendClause<?, ? extends R>) clause;
        if (winner.status() != WaitNode.DONE) {
            throw sc.selectable.closedForSendException();
        }
        return sc.onSent();
    }

    private static void unregisterAllLocked(Clauses<?> clauses, WaitNode[] nodes, WaitNode winner) {
        for (WaitNode node : nodes) {
            if (node != null && node != winner) {
                selectableOf(clauses.get(node.clause())).unregister(node);
            }
        }
    }

    /**
     * Withdraws every node but the winner from its channel, one channel lock at a time, if any,
     * and then tells each channel that its node is released ({@link SelectableChannel#released}).
     */
    private static void withdraw(Clauses<?> clauses, WaitNode[] nodes, WaitNode winner) {
        for (WaitNode node : nodes) {
            if (node != null) {
                SelectableChannel ch = selectableOf(clauses.get(node.clause()));
                if (node != winner) {
                    ch.withdraw(node);
                }
                ch.released(node);
            }
        }
    }

    /** Whether the clause is a channel operation (a receive or a send), not a timeout or a default. */
    private static boolean isOperation(SelectClause<?> c) {
        return c instanceof ReceiveClause<?, ?> || c instanceof SendClause<?, ?>;
    }

    /** The channel of an operation clause. */
    private static SelectableChannel selectableOf(SelectClause<?> c) {
        return c instanceof ReceiveClause<?, ?> rc ? rc.selectable : ((SendClause<?, ?>) c).selectable;
    }

    /** The distinct channels of the enabled operation clauses, sorted by id. */
    private static SelectableChannel[] lockOrder(Clauses<?> clauses, int operations) {
        SelectableChannel[] chans = new SelectableChannel[operations];
        int m = 0;
        for (int i = 0; i < clauses.size(); i++) {
            SelectClause<?> c = clauses.get(i);
            if (!c.isEnabled() || !isOperation(c)) {
                continue;
            }
            SelectableChannel ch = selectableOf(c);
            int j = m++;
            while (j > 0 && chans[j - 1].id() > ch.id()) { // insertion sort: selects are small
                chans[j] = chans[j - 1];
                j--;
            }
            chans[j] = ch;
        }
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (distinct == 0 || chans[distinct - 1] != chans[i]) {
                chans[distinct++] = chans[i];
            }
        }
        return distinct == m ? chans : java.util.Arrays.copyOf(chans, distinct);
    }

    /** Go's {@code select {}} (or a select of only a timeout): park until interrupted or the deadline. */
    private static void parkWithoutClauses(long deadline) throws InterruptedException {
        for (;;) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (deadline == Parking.NO_DEADLINE) {
                LockSupport.park(SelectOperation.class);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                LockSupport.parkNanos(SelectOperation.class, remaining);
            }
        }
    }

    // ---- clause orders --------------------------------------------------------------------------

    private static int nibble(long packed, int k) {
        return (int) (packed >>> (k << 2)) & 0xF;
    }

    private static long identityPacked(int n) {
        long p = 0;
        for (int i = 0; i < n; i++) {
            p |= (long) i << (i << 2);
        }
        return p;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates), packed 4 bits per index. */
    private static long randomPacked(int n) {
        long p = identityPacked(n);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long a = (p >>> (i << 2)) & 0xF;
            long b = (p >>> (j << 2)) & 0xF;
            p &= ~((0xFL << (i << 2)) | (0xFL << (j << 2)));
            p |= (b << (i << 2)) | (a << (j << 2));
        }
        return p;
    }

    private static int[] identityOrder(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    private static int[] randomOrder(int n) {
        int[] o = identityOrder(n);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    /** Read access to the caller's clauses, array or list, without copying them. */
    private record Clauses<R>(SelectClause<? extends R>[] array, List<? extends SelectClause<? extends R>> list, int size) {
        SelectClause<? extends R> get(int i) {
            return array != null ? array[i] : list.get(i);
        }
    }
}
