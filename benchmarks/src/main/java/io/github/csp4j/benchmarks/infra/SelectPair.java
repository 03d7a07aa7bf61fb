package io.github.csp4j.benchmarks.infra;

/**
 * Two channels and a select over both, for the select shape: one producer feeds each channel, one
 * consumer selects. {@link #create} builds one per implementation name.
 */
public interface SelectPair {

    /** Sends on the first channel. */
    void sendFirst(Integer element) throws InterruptedException;

    /** Sends on the second channel. */
    void sendSecond(Integer element) throws InterruptedException;

    /** Receives from whichever channel has an element first. */
    Integer select() throws InterruptedException;

    /**
     * Creates the pair named {@code impl}: {@value Pipes#CSP4J} ({@code Select.select} over two
     * {@code Select.onReceive} clauses), {@value Pipes#CSP4J_SPSC} (the same on channels with the
     * single-producer/single-consumer hints), {@value Pipes#JOX} ({@code Select.select} over two
     * {@code receiveClause()}s).
     *
     * @param capacity 0 for rendezvous channels, otherwise the buffer size
     */
    static SelectPair create(String impl, int capacity) {
        return switch (impl) {
            case Pipes.CSP4J -> new Csp4jSelectPair(capacity, false);
            case Pipes.CSP4J_SPSC -> new Csp4jSelectPair(capacity, true);
            case Pipes.JOX -> new JoxSelectPair(capacity);
            default -> throw new IllegalArgumentException("unknown select implementation: " + impl);
        };
    }
}
