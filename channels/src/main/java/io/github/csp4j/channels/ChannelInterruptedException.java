package io.github.csp4j.channels;

/**
 * Unchecked stand-in for {@link InterruptedException} where a checked exception cannot be
 * thrown: channel iterators and streams. The thread's interrupt status is set again before this
 * is thrown, and the original {@link InterruptedException} is the cause.
 */
public class ChannelInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}. */
    public ChannelInterruptedException(InterruptedException cause) {
        super("interrupted while waiting on a channel", cause);
    }
}
