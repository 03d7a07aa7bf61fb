package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A call running on its own thread (virtual or platform), awaited with a deadline. */
final class Async<T> {
    private final FutureTask<T> task;
    private final Thread thread;

    private Async(ThreadKind kind, Callable<T> body) {
        this.task = new FutureTask<>(body);
        this.thread = kind.start(task);
    }

    static <T> Async<T> start(ThreadKind kind, Callable<T> body) {
        return new Async<>(kind, body);
    }

    Thread thread() {
        return thread;
    }

    boolean isDone() {
        return task.isDone();
    }

    /** The call's result; fails the test if it threw or did not finish within the deadline. */
    T get() throws InterruptedException {
        try {
            return task.get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the call failed", e.getCause());
        } catch (TimeoutException e) {
            return fail("the call did not finish within " + Await.DEADLINE + "; it is at " + Await.stack(thread));
        }
    }

    /** What the call threw; fails the test if it returned normally or did not finish in time. */
    <X extends Throwable> X failure(Class<X> type) throws InterruptedException {
        try {
            T result = task.get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected " + type.getSimpleName() + ", but the call returned " + result);
        } catch (ExecutionException e) {
            return assertInstanceOf(type, e.getCause());
        } catch (TimeoutException e) {
            return fail("the call did not finish within " + Await.DEADLINE + "; it is at " + Await.stack(thread));
        }
    }

    /** Asserts the call is still running (e.g. still blocked). */
    void assertRunning() {
        assertFalse(task.isDone(), () -> "expected the call to be still blocked, but it finished");
    }
}
