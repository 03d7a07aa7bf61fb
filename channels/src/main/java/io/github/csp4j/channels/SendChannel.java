package io.github.csp4j.channels;

import java.time.Duration;

/**
 * The sending end of a channel: Go's {@code chan<- T}. A method that should only send takes a
 * {@code SendChannel<T>}.
 *
 * <h2>Blocking and interrupts</h2>
 * {@link #send(Object)} waits while the channel has no room (a rendezvous channel: until a
 * receiver takes the element). Waiting is done by parking, never by holding a monitor, so a
 * virtual thread waiting here releases its carrier. Every waiting call answers
 * {@link Thread#interrupt()} with {@link InterruptedException}, and then the element was not
 * sent: the caller still owns it. A call that can complete without waiting completes even when
 * the thread's interrupt status is set (as {@link java.util.concurrent.LinkedTransferQueue} does),
 * leaving the status set.
 *
 * <h2>Close</h2>
 * {@link #close()} stops new sends. Elements already buffered, and senders already waiting at the
 * moment of close, are still delivered; receivers drain them and then see "closed". A send that
 * starts after the close throws {@link ChannelClosedException}, carrying the close cause if one
 * was given.
 *
 * <h2>Null</h2>
 * Elements are never {@code null}: a null element is rejected with {@link NullPointerException}
 * and the channel stays usable.
 *
 * @param <T> the element type
 */
public interface SendChannel<T> {

    /**
     * Sends {@code element}, waiting while the channel has no room.
     *
     * <p>For a channel whose {@linkplain OverflowPolicy overflow policy} drops elements, and for
     * unbounded and conflated channels, this never waits.
     *
     * @throws ChannelClosedException if the channel is closed for send (the element was not sent)
     * @throws InterruptedException if interrupted while waiting (the element was not sent)
     * @throws NullPointerException if {@code element} is null
     */
    void send(T element) throws InterruptedException;

    /**
     * Sends {@code element}, waiting at most {@code timeout} for room.
     *
     * @return {@code true} if sent, {@code false} if the timeout passed first (not sent)
     * @throws ChannelClosedException if the channel is closed for send (the element was not sent)
     * @throws InterruptedException if interrupted while waiting (the element was not sent)
     * @throws NullPointerException if {@code element} or {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    boolean send(T element, Duration timeout) throws InterruptedException;

    /**
     * Sends {@code element} only if that is possible right now, without waiting.
     *
     * <p>Never fails spuriously: it answers {@link SendResult#FULL} only when the channel had no
     * room at that instant, and {@link SendResult#CLOSED} only when it was closed for send.
     *
     * <p>It never waits for a receiver, but it may wait briefly for another thread to finish a
     * step that thread has begun (a receive freeing the room it took), and a virtual thread that
     * loses a race for the channel to another sender may yield its carrier once before trying
     * again. Neither needs a partner to arrive, and neither is interrupted.
     *
     * @throws NullPointerException if {@code element} is null
     */
    SendResult trySend(T element);

    /**
     * Closes the channel for send. Idempotent.
     *
     * @return {@code true} if this call closed the channel, {@code false} if it was already closed
     */
    boolean close();

    /**
     * Closes the channel for send with a cause: after draining, receivers get a
     * {@link ChannelClosedException} whose cause is {@code cause}. Idempotent: a later close does
     * not replace the first cause.
     *
     * @return {@code true} if this call closed the channel, {@code false} if it was already closed
     * @throws NullPointerException if {@code cause} is null
     */
    boolean close(Throwable cause);

    /** Returns whether the channel is closed for send (closed or cancelled). */
    boolean isClosedForSend();
}
