package io.github.csp4j.benchmarks.infra;

import java.util.Arrays;

/**
 * The machine's core-to-core round trip: two platform threads hand a token back and forth through
 * one volatile field, each spinning until it is its turn, and the time per round trip is what one
 * cache line takes to cross between their cores and back.
 *
 * <p>Why the benchmarks measure it: every shape whose threads run on two carriers hands cache
 * lines between two cores, so its speed follows this figure. On a VM it is not a constant of the
 * machine: on the 2-vCPU AMD EPYC VMs of sessions 14 to 18 it jumped, often within a second,
 * between about 32 ns, 65-180 ns and 380-550 ns (probably the hypervisor moving the two vCPUs
 * between sibling hyperthreads, cores that share a cache and distant cores), and the select over
 * two buffered(16) channels ran at about 60, 90 and 210 ns with it (benchmarks/ANALYSIS.md,
 * session 18).
 * {@link CoreToCoreProfiler} records it around every JMH iteration, and the alternating scripts
 * (ab.sh, ab-go.sh) sort iterations by it.
 *
 * <p>{@code java -cp benchmarks.jar io.github.csp4j.benchmarks.infra.CoreToCore} prints one
 * measurement in nanoseconds (the scripts run it around each Go run).
 */
public final class CoreToCore {
    /** Round trips per batch: 0.1 ms at 50 ns, 1 ms at 500 ns; a measurement makes ten batches. */
    private static final int TRIPS = 2_000;
    /** Measured batches. */
    private static final int BATCHES = 5;
    /**
     * Batches before them, not counted: they start the echoing thread and get the loops compiled
     * (interpreted, the polls are slow enough to double the figure).
     */
    private static final int WARM_UP_BATCHES = 5;
    /** A waiting side yields every this many failed polls, so that the probe ends even with its two threads on one core. */
    private static final int SPINS_BEFORE_YIELD = 1 << 14;

    /** The token: 1 while it is the echoing thread's turn, 0 while it is the measuring thread's. */
    private volatile int turn;

    private CoreToCore() {
    }

    /**
     * Measures the round trip now: the median of {@value #BATCHES} batches of {@value #TRIPS} round
     * trips, in nanoseconds; {@code NaN} on a single CPU, where it means nothing.
     */
    public static double roundTripNanos() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Double.NaN;
        }
        return new CoreToCore().measure();
    }

    private double measure() {
        int total = TRIPS * (WARM_UP_BATCHES + BATCHES);
        Thread echo = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                awaitTurn(1);
                turn = 0; // hand the token back
            }
        }, "core-to-core-echo");
        echo.setDaemon(true);
        echo.start();
        for (int b = 0; b < WARM_UP_BATCHES; b++) {
            roundTrips();
        }
        double[] perTrip = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            perTrip[b] = roundTrips();
        }
        try {
            echo.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Arrays.sort(perTrip);
        return perTrip[BATCHES / 2];
    }

    /** One batch: {@value #TRIPS} round trips; returns the time per round trip in nanoseconds. */
    private double roundTrips() {
        long start = System.nanoTime();
        for (int i = 0; i < TRIPS; i++) {
            turn = 1;
            awaitTurn(0);
        }
        return (System.nanoTime() - start) / (double) TRIPS;
    }

    private void awaitTurn(int expected) {
        for (int spins = 1; turn != expected; spins++) {
            if ((spins & (SPINS_BEFORE_YIELD - 1)) == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Prints one measurement, in nanoseconds with no unit (for scripts), or "NaN" on one CPU. */
    public static void main(String[] args) {
        System.out.printf(java.util.Locale.ROOT, "%.0f%n", roundTripNanos());
    }
}
