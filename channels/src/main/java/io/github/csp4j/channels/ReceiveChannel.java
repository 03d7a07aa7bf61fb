package io.github.csp4j.channels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The receiving end of a channel: Go's {@code <-chan T}. A method that should only receive takes
 * a {@code ReceiveChannel<T>}.
 *
 * <h2>Order</h2>
 * Elements from one producer are received in the order that producer sent them. Receivers that
 * are waiting are served first come, first served.
 *
 * <h2>Close</h2>
 * After the channel is closed, receivers first drain what was buffered (and what senders waiting
 * at the moment of close hand over), then see "closed": {@link #receive()} throws
 * {@link ChannelClosedException} (carrying the close cause, if any), {@link #receiveCatching()}
 * returns a closed {@link ReceiveResult}, and iteration ends.
 *
 * <h2>Interrupts</h2>
 * Every waiting call answers {@link Thread#interrupt()} with {@link InterruptedException}; an
 * interrupted receive took nothing. Iteration and streams, which cannot throw a checked exception,
 * throw {@link ChannelInterruptedException} instead and leave the interrupt status set.
 *
 * @param <T> the element type
 */
public interface ReceiveChannel<T> extends Iterable<T> {

    /**
     * Receives an element, waiting until one is available.
     *
     * @throws ChannelClosedException if the channel is closed and drained
     * @throws InterruptedException if interrupted while waiting (nothing was taken)
     */
    T receive() throws InterruptedException;

    /**
     * Receives an element, waiting at most {@code timeout}.
     *
     * @return the element, or {@code null} if the timeout passed first (elements are never null,
     *     so {@code null} means only that), as {@code BlockingQueue.poll} does
     * @throws ChannelClosedException if the channel is closed and drained
     * @throws InterruptedException if interrupted while waiting (nothing was taken)
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @see java.util.concurrent.BlockingQueue#poll(long, java.util.concurrent.TimeUnit)
     */
    T receive(Duration timeout) throws InterruptedException;

    /**
     * Receives an element, waiting until one is available, and reports "closed" as a value
     * instead of an exception: Go's {@code v, ok := <-ch}.
     *
     * @return a {@linkplain ReceiveResult#isValue() value} or a {@linkplain ReceiveResult#isClosed()
     *     closed} result, never an empty one
     * @throws InterruptedException if interrupted while waiting (nothing was taken)
     */
    ReceiveResult<T> receiveCatching() throws InterruptedException;

    /**
     * Receives a batch: waits for at least one element, then takes, without waiting further, up
     * to {@code maxElements} in all of those that are already there. One call instead of a loop
     * of receives, e.g. to write elements to a database in batches. Order is kept.
     *
     * @param maxElements the largest batch, at least 1
     * @return between 1 and {@code maxElements} elements, in the order received
     * @throws ChannelClosedException if the channel is closed and drained (nothing was taken)
     * @throws InterruptedException if interrupted while waiting for the first element (nothing
     *     was taken)
     * @throws IllegalArgumentException if {@code maxElements} is less than 1
     */
    default List<T> receiveBatch(int maxElements) throws InterruptedException {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be >= 1, was " + maxElements);
        }
        List<T> batch = new ArrayList<>(Math.min(maxElements, 64));
        batch.add(receive());
        while (batch.size() < maxElements) {
            ReceiveResult<T> r = tryReceive();
            if (!r.isValue()) {
                break;
            }
            batch.add(r.value());
        }
        return batch;
    }

    /**
     * Receives an element only if one is ready right now, without waiting.
     *
     * <p>It never waits for a sender, but it may wait briefly for another thread to finish a step
     * that thread has begun (a send offering an element it has already counted), and a virtual
     * thread that loses a race for the channel to another receiver may yield its carrier once
     * before trying again. Neither needs a partner to arrive, and neither is interrupted.
     *
     * @return a value, {@linkplain ReceiveResult#isEmpty() empty} if nothing was ready at that
     *     instant, or closed if the channel is closed and drained
     */
    ReceiveResult<T> tryReceive();

    /**
     * Cancels the channel: closes it and discards everything buffered, handing each discarded
     * element to the undelivered-element callback. Waiting receivers and later receives see
     * "closed" (a {@link ChannelClosedException} that {@linkplain ChannelClosedException#isCancelled()
     * is cancelled}); senders waiting at that moment fail with it and keep their elements.
     * Idempotent.
     *
     * @return {@code true} if this call cancelled the channel, {@code false} if it was already
     *     cancelled
     */
    boolean cancel();

    /** Returns whether the channel is closed and drained: a receive would report "closed". */
    boolean isClosedForReceive();

    /**
     * Returns a blocking iterator: {@code hasNext()} waits for the next element and answers
     * {@code false} once the channel is closed and drained. {@code for (T v : channel)} reads the
     * channel to its end, like Go's {@code for v := range ch}. When the channel was closed with a
     * cause, {@code hasNext()} throws the {@link ChannelClosedException} instead of ending
     * quietly, so that failures are never mistaken for a normal end.
     *
     * @throws ChannelInterruptedException from {@code hasNext()} if interrupted while waiting
     */
    @Override
    default Iterator<T> iterator() {
        return new ChannelIterator<>(this);
    }

    /**
     * Returns a sequential, ordered stream of the elements received from this channel until it
     * is closed and drained, with the same rules as {@link #iterator()}. Each element is received
     * when the stream pulls it; a short-circuiting stream leaves the rest in the channel.
     */
    default Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
