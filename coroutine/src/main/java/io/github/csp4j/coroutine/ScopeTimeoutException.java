package io.github.csp4j.coroutine;

import java.time.Duration;

/**
 * Thrown by {@link CoroutineScope#close()} when the scope's timeout passed before its coroutines
 * were done: everything in it was cancelled. Kotlin's {@code TimeoutCancellationException}, Go's
 * {@code context.DeadlineExceeded}. Failures of coroutines that happened after the deadline are
 * attached as {@linkplain #getSuppressed() suppressed}.
 */
public class ScopeTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message which scope timed out
     * @param timeout the scope's timeout
     */
    public ScopeTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** Returns the timeout that passed. */
    public Duration timeout() {
        return timeout;
    }
}
