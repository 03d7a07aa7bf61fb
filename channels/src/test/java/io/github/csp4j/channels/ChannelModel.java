package io.github.csp4j.channels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sequential reference model of a channel's non-blocking operations: a bounded deque, a
 * closed and a cancelled flag, and the list of elements handed to the undelivered callback.
 * Used by the property tests and as Lincheck's sequential specification.
 *
 * <p>Single-threaded, nobody ever waits: a rendezvous {@code trySend} finds no receiver (FULL) and
 * its {@code tryReceive} finds no sender (EMPTY).
 */
final class ChannelModel {
    private final int capacity;
    private final OverflowPolicy overflow;
    private final Deque<Integer> buffer = new ArrayDeque<>();
    private final List<Integer> undelivered = new ArrayList<>();
    private boolean closed;
    private boolean cancelled;

    ChannelModel(ChannelSpec spec) {
        this.capacity = spec.capacity();
        this.overflow = spec.overflow();
    }

    SendResult trySend(int e) {
        if (closed) {
            return SendResult.CLOSED;
        }
        if (buffer.size() < capacity) {
            buffer.addLast(e);
            return SendResult.SENT;
        }
        switch (overflow) {
            case BLOCK -> {
                return SendResult.FULL;
            }
            case DROP_NEWEST -> undelivered.add(e);
            case DROP_OLDEST -> {
                undelivered.add(buffer.removeFirst());
                buffer.addLast(e);
            }
        }
        return SendResult.SENT;
    }

    ReceiveResult<Integer> tryReceive() {
        if (!buffer.isEmpty()) {
            return ReceiveResult.value(buffer.removeFirst());
        }
        return closed ? ReceiveResult.closed(null) : ReceiveResult.empty();
    }

    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    boolean cancel() {
        if (cancelled) {
            return false;
        }
        cancelled = true;
        closed = true;
        undelivered.addAll(buffer);
        buffer.clear();
        return true;
    }

    int size() {
        return buffer.size();
    }

    boolean isClosedForSend() {
        return closed;
    }

    boolean isClosedForReceive() {
        return closed && buffer.isEmpty();
    }

    List<Integer> undelivered() {
        return undelivered;
    }

    @Override
    public String toString() {
        return "Model" + buffer + (cancelled ? " cancelled" : closed ? " closed" : "") + " undelivered=" + undelivered;
    }
}
