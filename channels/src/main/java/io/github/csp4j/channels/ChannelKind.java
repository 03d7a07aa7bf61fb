package io.github.csp4j.channels;

/** The kinds of channel, as reported by {@link Channel#kind()}. */
public enum ChannelKind {
    /** Capacity 0: a send completes only when a receiver takes the element. */
    RENDEZVOUS,
    /** A buffer of fixed capacity; a send waits while it is full. */
    BUFFERED,
    /** No capacity limit; a send never waits. */
    UNBOUNDED,
    /** Keeps only the latest element; a send never waits and replaces what is buffered. */
    CONFLATED,
    /** A buffer of fixed capacity that drops the oldest or the newest element instead of waiting. */
    DROPPING
}
