package io.github.csp4j.coroutine;

/**
 * Something told when a coroutine is done: a scope, or a combinator waiting on several
 * coroutines. Internal.
 */
interface CompletionListener {

    /**
     * Called once, on the thread that completed {@code c} (usually its own), right after it is
     * done. Must be short and must not block.
     *
     * @return whether this listener takes responsibility for reporting a failure of {@code c};
     *     a failure that no listener and no joiner takes goes to the uncaught-exception handler
     */
    boolean onComplete(CoroutineTask<?> c);
}
