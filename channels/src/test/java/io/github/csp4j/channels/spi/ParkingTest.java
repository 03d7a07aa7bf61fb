package io.github.csp4j.channels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Parking}'s spin timing: the rendezvous and select spinners wait between polls by the
 * clock ({@link Parking#pauseUntil}), so that a poll interval is the same time on every CPU.
 */
@Timeout(30)
class ParkingTest {

    /** Proves that a pause lasts until the clock reaches its target, and reports a reading at or after it. */
    @Test
    void pauseUntilWaitsForTheClockToReachTheTarget() {
        for (long interval : new long[] {0, 1, 50, 100}) {
            long target = System.nanoTime() + interval;
            long returned = Parking.pauseUntil(target);
            long after = System.nanoTime();
            assertTrue(returned - target >= 0, "returned " + (returned - target) + " ns before its target, interval " + interval);
            assertTrue(after - returned >= 0, "the reading it returned lies in the future, interval " + interval);
        }
    }

    /** Proves that a target already passed costs one pause, not a wait, and still returns a fresh clock reading. */
    @Test
    void pauseUntilATimeAlreadyPassedReturnsAtOnce() {
        long now = System.nanoTime();
        long returned = Parking.pauseUntil(now - 1_000_000_000L);
        assertTrue(returned - now >= 0, "the reading it returned is older than the call");
        assertTrue(returned - now < 1_000_000_000L, "a pause until a passed time waited " + (returned - now) + " ns");
    }

    /**
     * Proves that a pause is bounded by a number of pauses as well as by the clock: a target an
     * hour away returns after {@link Parking#MAX_PAUSES_PER_WAIT} pauses, before the target. A
     * spin that waited for the clock alone would never end where the clock does not move.
     */
    @Test
    void pauseUntilAFarTargetEndsAfterItsMostPauses() {
        long now = System.nanoTime();
        long target = now + 3_600_000_000_000L;
        long returned = Parking.pauseUntil(target);
        assertTrue(returned - target < 0, "it waited an hour");
        assertTrue(returned - now >= 0, "the reading it returned is older than the call");
    }

    /** Proves the spin lengths: none on one CPU, and a virtual thread never spins as a platform thread does. */
    @Test
    void spinLengthsFollowTheCpuCountAndTheThreadKind() throws InterruptedException {
        boolean multiCpu = Runtime.getRuntime().availableProcessors() > 1;
        assertEquals(multiCpu, Parking.HANDOFF_SPIN_NANOS > 0, "hand-off spin on " + Runtime.getRuntime().availableProcessors() + " CPUs");
        assertEquals(multiCpu, Parking.spinBudgetNanos() > 0, "a platform thread's spin on " + Runtime.getRuntime().availableProcessors() + " CPUs");
        AtomicLong virtual = new AtomicLong(-1);
        Thread.ofVirtual().start(() -> virtual.set(Parking.spinBudgetNanos())).join();
        assertEquals(0, virtual.get(), "a virtual thread's spin budget");
    }
}
