package io.github.csp4j.channels;

/**
 * Thrown by an operation on a channel that is closed for it: a send on a channel closed for send,
 * or a receive on a channel that is closed and drained.
 *
 * <p>When the channel was closed with a cause ({@link SendChannel#close(Throwable)}), that cause
 * is this exception's {@linkplain #getCause() cause}, so that a failure at the head of a pipeline
 * reaches its end. When it was {@linkplain ReceiveChannel#cancel() cancelled}, {@link #isCancelled()}
 * says so.
 */
public class ChannelClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final boolean cancelled;

    /**
     * Creates the exception.
     *
     * @param message what was attempted and on which channel
     * @param cause the cause the channel was closed with, or {@code null}
     * @param cancelled whether the channel was cancelled rather than closed
     */
    public ChannelClosedException(String message, Throwable cause, boolean cancelled) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** Returns whether the channel was cancelled (closed with its buffer discarded). */
    public boolean isCancelled() {
        return cancelled;
    }
}
