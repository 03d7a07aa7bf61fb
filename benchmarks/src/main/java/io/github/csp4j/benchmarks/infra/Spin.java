package io.github.csp4j.benchmarks.infra;

/** The wait loop of the busy-spinning lower-limit implementations. */
final class Spin {
    private static final int SPINS_BEFORE_YIELD = 128;

    private Spin() {
    }

    /**
     * Waits a little after the {@code attempt}-th failed try: spins, and every
     * {@value #SPINS_BEFORE_YIELD} attempts yields the core (with more spinning threads than cores,
     * as in 4 x 4 on 2 cores, a pure spin would wait for the OS time slice) and checks for interrupts.
     */
    static void idle(int attempt) throws InterruptedException {
        if ((attempt & (SPINS_BEFORE_YIELD - 1)) != 0) {
            Thread.onSpinWait();
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread.yield();
    }
}
