package io.github.csp4j.coroutine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A node in a coroutine's stack of parties waiting for it to be done: a parked joiner
 * ({@code target} is its {@link Thread}) or a {@link CompletionListener}. Internal.
 *
 * <p>{@code target} is set to {@code null} when the party gives up (timeout, interrupt, a
 * combinator that returned) or, for a listener, when it is fired; dead nodes are unlinked by
 * {@link CoroutineTask}. A listener is fired at most once: firing and giving up both claim the
 * target by CAS.
 */
final class Completion {
    private static final VarHandle TARGET;

    static {
        try {
            TARGET = MethodHandles.lookup().findVarHandle(Completion.class, "target", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    volatile Object target;
    volatile Completion next;

    Completion(Object target) {
        this.target = target;
    }

    /** Claims the target (for firing or for giving up); returns it, or {@code null} if gone. */
    Object claim() {
        Object t = target;
        return t != null && TARGET.compareAndSet(this, t, null) ? t : null;
    }
}
