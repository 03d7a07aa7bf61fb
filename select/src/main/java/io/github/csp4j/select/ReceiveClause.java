package io.github.csp4j.select;

import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.spi.SelectableChannel;
import java.util.function.Function;

/** A receive clause; {@code catching} ones hand "closed" to the handler as a result. */
final class ReceiveClause<T, R> extends SelectClause<R> {
    final ReceiveChannel<T> channel;
    final SelectableChannel selectable;
    final boolean catching;
    private final Function<? super T, ? extends R> onValue;
    private final Function<? super ReceiveResult<T>, ? extends R> onResult;

    ReceiveClause(ReceiveChannel<T> channel, Function<? super T, ? extends R> onValue,
            Function<? super ReceiveResult<T>, ? extends R> onResult) {
        this.channel = channel;
        this.selectable = Select.selectable(channel);
        this.catching = onResult != null;
        this.onValue = onValue;
        this.onResult = onResult;
    }

    /** Runs the handler for a received element. */
    R onElement(Object element) {
        @SuppressWarnings("unchecked")
        T e = (T) element;
        return catching ? onResult.apply(ReceiveResult.value(e)) : onValue.apply(e);
    }

    /** Runs the handler for "closed", or throws the channel's closed exception. */
    R onClosed() {
        if (!catching) {
            throw selectable.closedForReceiveException();
        }
        return onResult.apply(ReceiveResult.closed(selectable.closeCause()));
    }
}
