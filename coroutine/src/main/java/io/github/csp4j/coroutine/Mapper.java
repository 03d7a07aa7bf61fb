package io.github.csp4j.coroutine;

/**
 * The function of a {@linkplain Pipelines#parallelMap parallel map}: a {@link java.util.function.Function}
 * that may throw checked exceptions, because pipeline stages typically do I/O. A method reference
 * to {@code Function::apply}, or to any method taking one argument, fits.
 *
 * @param <T> the input element type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Mapper<T, R> {

    /**
     * Maps one element.
     *
     * @return the result; never {@code null} (channels carry no nulls: a null result fails the
     *     stage with a {@link NullPointerException})
     * @throws InterruptedException when the stage is cancelled while this waits (a well-behaved
     *     mapper lets it escape)
     * @throws Exception anything else; it fails the stage, and the stage's output is closed with it
     */
    R apply(T element) throws Exception;
}
