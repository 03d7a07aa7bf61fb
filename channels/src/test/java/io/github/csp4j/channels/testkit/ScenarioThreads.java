package io.github.csp4j.channels.testkit;

/**
 * Platform threads for a hand-written concurrent scenario (the blocking Lincheck tests of
 * channels and select): each runs a body and records what it throws instead of losing it on
 * an uncaught-exception handler, so that the scenario can assert that nothing failed.
 */
public final class ScenarioThreads {

    /** What a scenario thread runs. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** Where a scenario's threads record a failure: extend it with the scenario's own state. */
    public static class Failures {
        /** The last exception a scenario thread threw, or {@code null}. */
        public volatile Throwable failure;
    }

    private ScenarioThreads() {
    }

    /** Starts a platform thread running {@code body}; an exception it throws goes to {@code into.failure}. */
    public static Thread start(Failures into, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                into.failure = e;
            }
        });
        t.start();
        return t;
    }

    /** Joins every thread; an interrupt of the caller is an {@link AssertionError}. */
    public static void join(Thread... ts) {
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
