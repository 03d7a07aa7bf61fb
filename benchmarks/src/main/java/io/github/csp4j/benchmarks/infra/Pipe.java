package io.github.csp4j.benchmarks.infra;

/**
 * The one operation pair every element-moving shape needs, so that a benchmark body is one piece of
 * code for csp4j and for all of its peers. {@link Pipes#create} builds one per implementation name.
 *
 * @param <T> the element type
 */
public interface Pipe<T> {

    /** Hands over an element, waiting (blocking or spinning, as the implementation does) for room. */
    void send(T element) throws InterruptedException;

    /** Takes an element, waiting for one. */
    T receive() throws InterruptedException;

    /**
     * Where the producers and consumers of this pipe run: virtual threads for every blocking
     * implementation (as csp4j's users would run them), platform threads for the busy-spinning
     * lock-free lower limits.
     */
    default Thread.Builder threads() {
        return Thread.ofVirtual();
    }
}
