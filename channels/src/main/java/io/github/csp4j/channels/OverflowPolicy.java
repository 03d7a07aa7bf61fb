package io.github.csp4j.channels;

/**
 * What a buffered channel does with a send that finds the buffer full.
 *
 * <p>With {@link #DROP_OLDEST} and {@link #DROP_NEWEST} a send never waits; the element that is
 * dropped is handed to the channel's undelivered-element callback (see
 * {@link ChannelBuilder#onUndeliveredElement(java.util.function.Consumer)}), so nothing vanishes
 * silently. A conflated channel is a buffer of one with {@link #DROP_OLDEST}.
 */
public enum OverflowPolicy {
    /** The sender waits for room (Go's buffered channel). The default. */
    BLOCK,
    /** The oldest buffered element is dropped to make room for the new one. */
    DROP_OLDEST,
    /** The new element is dropped; the buffer keeps what it has. */
    DROP_NEWEST
}
