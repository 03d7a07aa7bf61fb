package io.github.csp4j.channels;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Outcome of a receive that reports rather than throws: {@link ReceiveChannel#tryReceive()} and
 * {@link ReceiveChannel#receiveCatching()}. Go's {@code v, ok := <-ch}, with the reason when not ok.
 *
 * <p>Exactly one of {@link #isValue()}, {@link #isEmpty()} and {@link #isClosed()} holds.
 * Results without a value are shared constants where possible, so checking a result allocates
 * nothing beyond the result itself.
 *
 * @param <T> the element type
 */
public final class ReceiveResult<T> {
    /** The three outcomes of a receive that reports. */
    public enum Status {
        /** An element was received. */
        VALUE,
        /** No element was ready at that instant (only {@link ReceiveChannel#tryReceive()} reports it). */
        EMPTY,
        /** The channel is closed and drained; {@link #closeCause()} tells why, if a cause was given. */
        CLOSED
    }

    private static final ReceiveResult<?> EMPTY = new ReceiveResult<>(Status.EMPTY, null, null);
    private static final ReceiveResult<?> CLOSED = new ReceiveResult<>(Status.CLOSED, null, null);

    private final Status status;
    private final T value;
    private final Throwable closeCause;

    private ReceiveResult(Status status, T value, Throwable closeCause) {
        this.status = status;
        this.value = value;
        this.closeCause = closeCause;
    }

    /** A result holding {@code value}, which must not be null. */
    public static <T> ReceiveResult<T> value(T value) {
        return new ReceiveResult<>(Status.VALUE, Objects.requireNonNull(value, "value"), null);
    }

    /** The result of a try-receive that found nothing ready. */
    @SuppressWarnings("unchecked")
    public static <T> ReceiveResult<T> empty() {
        return (ReceiveResult<T>) EMPTY;
    }

    /** The result of a receive on a closed, drained channel, with the close cause or {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T> ReceiveResult<T> closed(Throwable cause) {
        return cause == null ? (ReceiveResult<T>) CLOSED : new ReceiveResult<>(Status.CLOSED, null, cause);
    }

    /** Returns the outcome. */
    public Status status() {
        return status;
    }

    /** Returns whether an element was received. */
    public boolean isValue() {
        return status == Status.VALUE;
    }

    /** Returns whether nothing was ready (try-receive only). */
    public boolean isEmpty() {
        return status == Status.EMPTY;
    }

    /** Returns whether the channel was closed and drained. */
    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    /**
     * Returns the received element.
     *
     * @throws NoSuchElementException if nothing was received; when the channel was closed with
     *     a cause, that cause is attached
     */
    public T value() {
        if (status != Status.VALUE) {
            throw new NoSuchElementException("no element received: " + this, closeCause);
        }
        return value;
    }

    /** Returns the received element, or {@code null} when nothing was received. */
    public T valueOrNull() {
        return value;
    }

    /** Returns the cause the channel was closed with, or {@code null} (also when not closed). */
    public Throwable closeCause() {
        return closeCause;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiveResult<?> r
                && status == r.status
                && Objects.equals(value, r.value)
                && Objects.equals(closeCause, r.closeCause);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, value, closeCause);
    }

    @Override
    public String toString() {
        return switch (status) {
            case VALUE -> "Value(" + value + ")";
            case EMPTY -> "Empty";
            case CLOSED -> closeCause == null ? "Closed" : "Closed(" + closeCause + ")";
        };
    }
}
