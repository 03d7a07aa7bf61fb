package io.github.csp4j.channels.spi;

import java.util.concurrent.locks.LockSupport;

/**
 * How a {@link Waiter} waits: spin briefly, then park. Internal.
 *
 * <h2>When to spin</h2>
 * A platform thread first spins for a bounded number of iterations ({@link #SPINS}, a few
 * microseconds) on its own state before parking, because parking and waking an OS thread costs
 * far more than the partner usually takes to act. A virtual thread does not spin (see
 * {@link #spinBudget()}); before a buffered channel registers it, it yields once instead
 * ({@link #retriesBeforeParking()}). The spin is skipped on a single CPU. A spin never waits for another
 * thread to finish a step: it only polls for an outcome and always ends in a park.
 * A completer unparks a waiter only once it has announced that it parks ({@link Waiter}).
 */
public final class Parking {
    /** Spin iterations before parking; 0 on a single CPU. */
    public static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 256 : 0;

    /**
     * How many times the calling thread may spin before it parks: {@link #SPINS} for a platform
     * thread, none for a virtual thread. Measured: a spinning virtual thread holds its carrier,
     * and the partner it waits for is often queued on that very carrier (the scheduler queues a
     * woken virtual thread where its waker runs), so spinning only delays it; a rendezvous
     * hand-off between two virtual threads took about 5 us with 256 spins and 0.5 us with none.
     * Parking a virtual thread is cheap enough; parking a platform thread is not.
     */
    public static int spinBudget() {
        return Thread.currentThread().isVirtual() ? 0 : SPINS;
    }

    /**
     * How many times a buffered channel's blocked send or receive tries again before it registers
     * as a waiter, each try after one {@link #pauseBeforeRetry()}: {@link #SPINS} for a platform
     * thread, one for a virtual thread. A virtual thread's pause is a yield, which lets the
     * threads queued for its carrier run first, so the partner it needs often acts meanwhile and
     * nobody parks, registers or wakes. Measured (JMH, 2 carriers, SPSC capacity 16): 147 -> 81 ns
     * per element with hints, 177 -> 110 without (a yield on the send side alone: 117 and 173).
     */
    public static int retriesBeforeParking() {
        return Thread.currentThread().isVirtual() ? 1 : SPINS;
    }

    /** The pause before each try of {@link #retriesBeforeParking()}: a yield for a virtual thread, a spin otherwise. */
    public static void pauseBeforeRetry() {
        if (Thread.currentThread().isVirtual()) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    /**
     * How long a waiter whose partner is expected to be running on another CPU spins before it
     * parks (a rendezvous hand-off, {@link SelectableChannel#spinBeforeParking()}), in
     * nanoseconds; 0 on a single CPU. Measured as a number of pauses on an Intel Xeon (JMH, 2
     * carriers): 128 pauses of about 13 ns (1.7 us) were enough, a quarter of that too few
     * (hand-off 783 ns instead of 315), 256 to 1,024 pauses gained nothing. On an AMD EPYC, where
     * those 128 pauses took 3.5 us, 2 us was too short: against 3.5 us, unhinted ping-pong 1.37x
     * and the unhinted hand-off 1.11x slower (benchmarks/ANALYSIS.md, session 15).
     */
    public static final long HANDOFF_SPIN_NANOS = Runtime.getRuntime().availableProcessors() > 1 ? 3_500 : 0;

    /** How long a platform thread spins as a rendezvous channel's spinner: about {@link #SPINS} pauses. */
    private static final long PLATFORM_SPIN_NANOS = 4_000;

    /**
     * How long the calling thread, waiting as a rendezvous channel's spinner, spins before it
     * parks, in nanoseconds: a few microseconds for a platform thread; 0 for a virtual thread and
     * on a single CPU (see {@link #spinBudget()}).
     */
    public static long spinBudgetNanos() {
        return spinBudget() > 0 ? PLATFORM_SPIN_NANOS : 0;
    }

    /**
     * The most pauses one {@link #pauseUntil} makes, whatever the clock says. A pause and a clock
     * read take 20 ns or more together on any CPU measured, so the waits of 100 ns and less that
     * the spinners ask for end by the clock; the bound keeps a spin finite where the clock does
     * not move (a model checker such as Lincheck's returns one value for every read).
     */
    static final int MAX_PAUSES_PER_WAIT = 16;

    /**
     * Pauses the calling thread on its CPU ({@link Thread#onSpinWait()}) until
     * {@link System#nanoTime()} reaches {@code time}, at least once and at most {@link
     * #MAX_PAUSES_PER_WAIT} times; returns the {@code System.nanoTime()} it read last. The
     * spinners that poll a line their partner is about to write wait between polls with this.
     * They time the wait by the clock, not by a number of pauses, because a pause costs what the
     * CPU makes it: about 13 ns on the Intel Xeon machines where the intervals were tuned, 27 ns
     * on an AMD EPYC, where counted pauses made every poll interval twice as long
     * (benchmarks/ANALYSIS.md). A clock read costs about as much as a pause (31 ns on that EPYC,
     * with the {@code tsc} clock source).
     */
    public static long pauseUntil(long time) {
        long now = 0;
        for (int i = 0; i < MAX_PAUSES_PER_WAIT; i++) {
            Thread.onSpinWait();
            now = System.nanoTime();
            if (now - time >= 0) {
                break;
            }
        }
        return now;
    }

    /** Deadline value meaning "no timeout". */
    public static final long NO_DEADLINE = 0L;

    private Parking() {
    }

    /**
     * Validates a timeout and returns it in nanoseconds, saturated at {@link Long#MAX_VALUE}.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static long nanosOf(java.time.Duration timeout) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Returns the deadline {@code timeoutNanos} from now, as a {@link System#nanoTime()} value
     * that is never {@link #NO_DEADLINE}.
     */
    public static long deadline(long timeoutNanos) {
        long d = System.nanoTime() + timeoutNanos;
        return d == NO_DEADLINE ? 1L : d;
    }

    /**
     * Waits until {@code waiter} is claimed and its winning node completed, the deadline passes,
     * or the thread is interrupted.
     *
     * <p>On timeout or interrupt the waiter is cancelled, unless a completer claimed it first: the
     * completion then wins (it is already under way under a channel lock), this method waits for
     * it, and the interrupt status is set again so that the caller sees it later. The caller must
     * unlink its nodes after a {@code null} return or an exception.
     *
     * @param deadline a {@link #deadline(long)} value or {@link #NO_DEADLINE}
     * @return the completed winning node, or {@code null} if the deadline passed first
     * @throws InterruptedException if interrupted before any node won
     */
    public static WaitNode await(Waiter waiter, long deadline) throws InterruptedException {
        for (int i = spinBudget(); i > 0 && waiter.isWaiting(); i--) {
            Thread.onSpinWait();
        }
        boolean interrupted = false;
        try {
            for (;;) {
                WaitNode won = waiter.winner();
                if (won != null) {
                    awaitCompletion(won);
                    return won;
                }
                if (Thread.interrupted()) {
                    if (waiter.tryCancel()) {
                        throw new InterruptedException();
                    }
                    interrupted = true; // claimed meanwhile: finish, report the interrupt later
                    continue;
                }
                if (waiter.announcePark()) {
                    continue; // re-check after announcing: a completer that missed the flag has claimed
                }
                if (deadline == NO_DEADLINE) {
                    LockSupport.park(waiter);
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        if (waiter.tryCancel()) {
                            return null;
                        }
                        continue;
                    }
                    LockSupport.parkNanos(waiter, remaining);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Parks the calling thread, the owner of {@code node}, once: until a completer unparks it, the
     * deadline passes, an interrupt, or a spurious return. Announces the park first (the Dekker
     * pair of {@link Waiter}) and returns at once if the node completed meanwhile. For a wait that
     * decides its own cancellation and loops around this call (a rendezvous channel's lock-free
     * waiter); {@link #await} is the wait of a registered node.
     *
     * @param deadline a {@link #deadline(long)} value or {@link #NO_DEADLINE}
     */
    public static void parkOnce(WaitNode node, long deadline) {
        node.waiter().announcePark();
        if (node.status() != WaitNode.PENDING) {
            return;
        }
        if (deadline == NO_DEADLINE) {
            LockSupport.park(node);
        } else {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                LockSupport.parkNanos(node, remaining);
            }
        }
    }

    /**
     * Waits, uninterruptibly, for a claimed node to be completed. The completer holds a channel
     * lock and completes right after claiming, so this is short; it parks rather than spins
     * after the first few checks.
     */
    public static void awaitCompletion(WaitNode node) {
        boolean interrupted = false;
        for (int i = 0; node.status() == WaitNode.PENDING; i++) {
            if (i < 64) {
                Thread.onSpinWait();
            } else if (!node.waiter().announcePark()) { // announced: re-check the status first
                LockSupport.park(node);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
