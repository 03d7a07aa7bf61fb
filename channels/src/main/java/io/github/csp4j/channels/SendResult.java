package io.github.csp4j.channels;

/**
 * Outcome of {@link SendChannel#trySend(Object)}, a send that never waits.
 *
 * <p>A try-send never fails spuriously: it reports {@link #FULL} only when, at the instant it
 * ran, the channel had no room for the element (for a rendezvous channel: no receiver was
 * waiting), and {@link #CLOSED} only when the channel was closed for send.
 */
public enum SendResult {
    /** The element was handed to the channel (buffered, or given to a waiting receiver). */
    SENT,
    /** The channel had no room at that instant; the element was not sent and stays the caller's. */
    FULL,
    /** The channel is closed for send; the element was not sent and stays the caller's. */
    CLOSED;

    /** Returns whether the element was sent. */
    public boolean isSent() {
        return this == SENT;
    }
}
