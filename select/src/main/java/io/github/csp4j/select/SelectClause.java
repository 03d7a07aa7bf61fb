package io.github.csp4j.select;

/**
 * One clause of a {@link Select#select select}: a receive, a receive that treats "closed" as a
 * value, a send, a timeout, or a default. Build clauses with the static methods of
 * {@link Select}; the type parameter is the type of the value the clause's handler returns, so
 * clauses over channels of different element types mix in one select.
 *
 * <h2>Disabling a clause</h2>
 * {@link #when(boolean) when(false)} disables a clause without rebuilding the clause list: a
 * disabled clause is ignored, like a Go case on a nil channel or a JCSP guard that is false.
 * A clause is a small mutable object: reuse it across selects in a loop (which also saves
 * allocating it each time), but use it from one thread at a time.
 *
 * @param <R> the type of the handler's result
 */
public abstract sealed class SelectClause<R> permits ReceiveClause, SendClause, TimeoutClause, DefaultClause {
    private boolean enabled = true;

    SelectClause() {
    }

    /**
     * Enables or disables this clause for the selects that follow.
     *
     * @return this clause, for chaining
     */
    public final SelectClause<R> when(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    /** Returns whether this clause takes part in selects. */
    public final boolean isEnabled() {
        return enabled;
    }
}
