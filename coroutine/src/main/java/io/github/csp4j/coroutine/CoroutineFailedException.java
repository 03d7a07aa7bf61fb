package io.github.csp4j.coroutine;

/**
 * Thrown when the result of a failed coroutine is asked for ({@link Coroutine#result()},
 * {@link Coroutines#gather}, ...) and by a {@link CoroutineScope} whose coroutines failed. Unchecked,
 * so that a coroutine's checked exception reaches the caller without a {@code throws} clause on
 * every method in between; the {@linkplain #getCause() cause} is the original exception, exactly
 * as the body threw it. asyncio re-raises the task's exception; Java's {@code Future.get()} wraps
 * it in {@code ExecutionException}: this is the unchecked equivalent.
 *
 * <p>When several coroutines failed (a scope, {@link Coroutines#awaitAny}), the cause is the first
 * failure and the others are attached as {@linkplain #getSuppressed() suppressed}.
 */
public class CoroutineFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which coroutine or scope failed
     * @param cause what the coroutine threw
     */
    public CoroutineFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
