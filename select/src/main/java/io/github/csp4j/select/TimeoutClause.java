package io.github.csp4j.select;

import java.util.function.Supplier;

/** Completes the select when its timeout passes and no other clause completed first. */
final class TimeoutClause<R> extends SelectClause<R> {
    final long nanos;
    private final Supplier<? extends R> handler;

    TimeoutClause(long nanos, Supplier<? extends R> handler) {
        this.nanos = nanos;
        this.handler = handler;
    }

    R onTimeout() {
        return handler.get();
    }
}
