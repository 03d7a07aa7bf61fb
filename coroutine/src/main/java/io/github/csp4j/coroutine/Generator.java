package io.github.csp4j.coroutine;

import io.github.csp4j.channels.SendChannel;

/**
 * The body of a generator started by {@link Coroutines#produce(Generator)} or
 * {@link CoroutineScope#produce(Generator)}: it sends its elements into {@code out}. Python's
 * generator function (with {@code out.send(x)} for {@code yield x}), Kotlin's {@code produce}
 * block.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Generator<T> {

    /**
     * Sends the generated elements into {@code out}. Returning closes the channel; throwing
     * closes it with what was thrown. Do not close {@code out} yourself (it is harmless, but
     * a close with a cause is what reports a failure).
     *
     * @param out where to send; a send waits until the consumer has room (for the default
     *     rendezvous channel: until the consumer asks for the next element)
     * @throws Exception anything; it becomes the channel's close cause
     */
    void generate(SendChannel<T> out) throws Exception;
}
