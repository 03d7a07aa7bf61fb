package io.github.csp4j.select;

import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.channels.spi.SelectableChannel;
import java.util.function.Supplier;

/** A send clause: sends {@code value}; the handler runs once it was sent. */
final class SendClause<T, R> extends SelectClause<R> {
    final SendChannel<T> channel;
    final SelectableChannel selectable;
    final T value;
    private final Supplier<? extends R> handler;

    SendClause(SendChannel<T> channel, T value, Supplier<? extends R> handler) {
        this.channel = channel;
        this.selectable = Select.selectable(channel);
        this.value = value;
        this.handler = handler;
    }

    R onSent() {
        return handler.get();
    }
}
