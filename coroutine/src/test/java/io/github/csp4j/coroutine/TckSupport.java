package io.github.csp4j.coroutine;

import org.reactivestreams.tck.TestEnvironment;

/** Shared set-up of the Reactive Streams TCK classes (run by the TestNG engine). */
final class TckSupport {
    private TckSupport() {
    }

    /** Signals must arrive within this (generous: the machine is shared). */
    static final long TIMEOUT_MILLIS = 1_000;
    /** How long "no signal" is checked for. */
    static final long NO_SIGNALS_MILLIS = 100;
    /** How often the TCK looks for an expected error (its default, the timeout, costs a second a test). */
    static final long POLL_MILLIS = 20;
    /** How long a cancelled subscriber may stay referenced (rule 3.13). */
    static final long GC_TIMEOUT_MILLIS = 2_000;

    static TestEnvironment environment() {
        return new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS, POLL_MILLIS);
    }

    /**
     * One scope per TCK test, owning every coroutine the test's adapters start. Opened before the
     * test and cancelled and closed after it, on TestNG's thread: so no coroutine outlives its
     * test, and the signals that cancellation causes (an {@code onError} to a subscriber the test
     * left subscribed) arrive before the next test clears the TCK's record of asynchronous errors.
     */
    static final class ScopePerTest {
        private CoroutineScope scope;

        void open() {
            scope = CoroutineScope.open(); // a coroutine failing fails the test's clean-up: nothing is hidden
        }

        Spawner scope() {
            return scope;
        }

        void close() throws InterruptedException {
            scope.cancel();
            scope.close();
        }
    }
}
