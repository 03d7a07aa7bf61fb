package io.github.csp4j.coroutine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which scopes each thread has open: what lets a scope nest in the one around it without being
 * told, and lets cancelling a coroutine reach the scopes its body opened. Internal.
 *
 * <pre>
 * Implementation notes.
 *
 * A map from a thread to the innermost scope it has open; each scope links to the one it was
 * opened in on the same thread ("enclosing"), so the map holds one entry per thread that has a
 * scope open and costs nothing for the (many) threads that have none: no ThreadLocal, nothing
 * per coroutine. Java's StructuredTaskScope keeps the same thing in a field of Thread, which
 * a library cannot add; ScopedValue is a preview API in Java 21.
 *
 * Cancelling a coroutine looks its thread up here (CoroutineTask.cancel, while the coroutine
 * is still inside its body) and cancels every scope that thread has open. A scope's "enclosing"
 * link is set before the scope is published here, so the walk never misses an outer scope. This assumes the coroutine's thread runs nothing but the coroutine's
 * body while it runs: true for thread factories and ordinary executors; an executor that runs
 * tasks in the caller's thread would let a cancel reach the caller's scopes.
 * </pre>
 */
final class ScopeRegistry {
    private static final ConcurrentHashMap<Thread, CoroutineScope> INNERMOST = new ConcurrentHashMap<>();

    private ScopeRegistry() {
    }

    /** Records {@code scope} as the innermost scope of {@code owner} (called by the owner). */
    static void push(Thread owner, CoroutineScope scope) {
        INNERMOST.put(owner, scope);
    }

    /** Undoes {@link #push}: {@code enclosing} is innermost again. */
    static void pop(Thread owner, CoroutineScope scope, CoroutineScope enclosing) {
        if (enclosing == null) {
            INNERMOST.remove(owner, scope);
        } else {
            INNERMOST.replace(owner, scope, enclosing);
        }
    }

    /** The innermost scope {@code owner} has open, or {@code null}. */
    static CoroutineScope innermost(Thread owner) {
        return INNERMOST.get(owner);
    }

    /** Cancels every scope that thread {@code t} has open, innermost first. */
    static void cancelScopesOwnedBy(Thread t) {
        for (CoroutineScope s = INNERMOST.get(t); s != null; s = s.enclosing()) {
            s.cancelFromParent();
        }
    }
}
