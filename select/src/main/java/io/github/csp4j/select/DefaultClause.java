package io.github.csp4j.select;

import java.util.function.Supplier;

/** Makes a select non-blocking: taken when no other clause can complete at that instant. */
final class DefaultClause<R> extends SelectClause<R> {
    private final Supplier<? extends R> handler;

    DefaultClause(Supplier<? extends R> handler) {
        this.handler = handler;
    }

    R onDefault() {
        return handler.get();
    }
}
