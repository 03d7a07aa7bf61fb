package io.github.csp4j.channels;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The blocking iterator behind {@link ReceiveChannel#iterator()}. One per iteration, not thread-safe. */
final class ChannelIterator<T> implements Iterator<T> {
    private final ReceiveChannel<T> channel;
    private T next;
    private boolean ended;

    ChannelIterator(ReceiveChannel<T> channel) {
        this.channel = channel;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        ReceiveResult<T> r;
        try {
            r = channel.receiveCatching();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelInterruptedException(e);
        }
        if (r.isValue()) {
            next = r.value();
            return true;
        }
        ended = true;
        if (r.closeCause() != null) {
            throw new ChannelClosedException("channel closed with a cause", r.closeCause(), false);
        }
        return false;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("channel closed and drained");
        }
        T v = next;
        next = null;
        return v;
    }
}
