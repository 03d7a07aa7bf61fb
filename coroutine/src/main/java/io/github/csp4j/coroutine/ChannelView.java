package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.spi.SelectableChannel;
import io.github.csp4j.channels.spi.WaitNode;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The receiving end of a channel that this library owns (a generator's, a timer's, an event's),
 * handed to users: it cannot be cast back to the sending end, and its {@link #cancel()} does what
 * the owner needs (stop the generator, release the timer). It is still a
 * {@link SelectableChannel}, delegating registration to the real channel, so a select can wait
 * on it. Internal.
 */
final class ChannelView<T> implements ReceiveChannel<T>, SelectableChannel {
    private final Channel<T> channel;
    private final SelectableChannel selectable;
    private final BooleanSupplier onCancel;
    private final String description;

    /**
     * @param onCancel what {@link #cancel()} does; returns whether that call cancelled
     * @param description what this channel is, for {@link #toString()}
     */
    ChannelView(Channel<T> channel, BooleanSupplier onCancel, String description) {
        this.channel = channel;
        this.selectable = (SelectableChannel) channel;
        this.onCancel = onCancel;
        this.description = description;
    }

    @Override
    public T receive() throws InterruptedException {
        return channel.receive();
    }

    @Override
    public T receive(Duration timeout) throws InterruptedException {
        return channel.receive(timeout);
    }

    @Override
    public ReceiveResult<T> receiveCatching() throws InterruptedException {
        return channel.receiveCatching();
    }

    @Override
    public ReceiveResult<T> tryReceive() {
        return channel.tryReceive();
    }

    @Override
    public boolean cancel() {
        return onCancel.getAsBoolean();
    }

    @Override
    public boolean isClosedForReceive() {
        return channel.isClosedForReceive();
    }

    // ---- SelectableChannel: the real channel's ------------------------------------------------

    @Override
    public long id() {
        return selectable.id();
    }

    @Override
    public ReentrantLock lock() {
        return selectable.lock();
    }

    @Override
    public Registration registerReceive(WaitNode node) {
        return selectable.registerReceive(node);
    }

    @Override
    public Registration registerSend(WaitNode node) {
        throw new UnsupportedOperationException("receive-only channel: " + this);
    }

    @Override
    public Object tryReceiveRaw() {
        return selectable.tryReceiveRaw();
    }

    @Override
    public boolean stillWaiting(WaitNode node) {
        return selectable.stillWaiting(node);
    }

    @Override
    public void settleLocked() {
        selectable.settleLocked();
    }

    @Override
    public void unregister(WaitNode node) {
        selectable.unregister(node);
    }

    @Override
    public RuntimeException closedForReceiveException() {
        return selectable.closedForReceiveException();
    }

    @Override
    public RuntimeException closedForSendException() {
        return selectable.closedForSendException();
    }

    @Override
    public Throwable closeCause() {
        return selectable.closeCause();
    }

    @Override
    public String toString() {
        return description + channel;
    }
}
