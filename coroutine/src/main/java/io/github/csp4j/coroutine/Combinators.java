package io.github.csp4j.coroutine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/** The waiting combinators behind {@link Coroutines}: joinAll, gather, awaitAny. Internal. */
final class Combinators {
    private Combinators() {
    }

    /** Checks and casts the argument: no null collection, no null element. */
    static List<CoroutineTask<?>> tasks(Collection<? extends Coroutine<?>> coroutines) {
        Objects.requireNonNull(coroutines, "coroutines");
        List<CoroutineTask<?>> tasks = new ArrayList<>(coroutines.size());
        int i = 0;
        for (Coroutine<?> c : coroutines) {
            if (c == null) {
                throw new NullPointerException("coroutines contains null at index " + i);
            }
            tasks.add((CoroutineTask<?>) c);
            i++;
        }
        return tasks;
    }

    static <C extends Coroutine<?>> List<C> joinAll(Duration timeout, Collection<? extends C> coroutines,
            boolean failFast) throws InterruptedException {
        long nanos = Durations.toNanos(timeout, "timeout");
        List<CoroutineTask<?>> tasks = tasks(coroutines);
        long deadline = Durations.deadline(nanos);
        Watch w = Watch.of(tasks, failFast);
        CoroutineTask<?> failed = null;
        try {
            for (int remaining = tasks.size(); remaining > 0; remaining--) {
                CoroutineTask<?> c = w.poll(deadline);
                if (c == null) {
                    break;
                }
                if (failFast && c.rawState() == CoroutineTask.FAILED) {
                    failed = c;
                    break;
                }
            }
        } finally {
            List<CoroutineTask<?>> rest = w.close();
            if (failed != null) {
                CoroutineFailedException e = new CoroutineFailedException(
                        "joinAllOrFail: a coroutine failed: " + failed, failed.failureNow());
                suppressFailures(e, rest, failed);
                throw e;
            }
        }
        List<C> finished = new ArrayList<>();
        for (C c : coroutines) {
            if (c.isDone()) {
                finished.add(c);
            }
        }
        return finished;
    }

    static <T> List<T> gather(Collection<? extends Coroutine<? extends T>> coroutines) throws InterruptedException {
        List<CoroutineTask<?>> tasks = tasks(coroutines);
        Watch w = Watch.of(tasks, true);
        RuntimeException failure = null;
        boolean completed = false;
        try {
            for (int remaining = tasks.size(); remaining > 0; remaining--) {
                CoroutineTask<?> c = w.take();
                if (c.rawState() != CoroutineTask.SUCCEEDED) {
                    failure = exceptionOf(c, "gather");
                    w.cancelAll();
                    List<CoroutineTask<?>> rest = w.close();
                    suppressFailures(failure, rest, c);
                    throw failure;
                }
            }
            completed = true;
        } finally {
            if (!completed && failure == null) { // interrupted: asyncio cancels the gathered tasks
                w.cancelAll();
            }
            w.close();
        }
        List<T> results = new ArrayList<>(tasks.size());
        for (Coroutine<? extends T> c : coroutines) {
            results.add(c.resultNow());
        }
        return results;
    }

    static <T> T awaitAny(Collection<? extends Coroutine<? extends T>> coroutines) throws InterruptedException {
        List<CoroutineTask<?>> tasks = tasks(coroutines);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("awaitAny needs at least one coroutine");
        }
        Watch w = Watch.of(tasks, true);
        List<CoroutineTask<?>> losers = new ArrayList<>();
        try {
            for (int remaining = tasks.size(); remaining > 0; remaining--) {
                CoroutineTask<?> c = w.take();
                if (c.rawState() == CoroutineTask.SUCCEEDED) {
                    @SuppressWarnings("unchecked")
                    T value = (T) c.resultNow();
                    return value;
                }
                losers.add(c);
            }
        } finally {
            w.close(); // from here on, late failures go to the uncaught-exception handler...
            w.cancelAll(); // ...unless cancelled first: the winner is done, the others (or all, if interrupted) stop
        }
        CoroutineTask<?> first = null;
        for (CoroutineTask<?> c : losers) {
            if (c.rawState() == CoroutineTask.FAILED) {
                first = c;
                break;
            }
        }
        RuntimeException e = first != null
                ? new CoroutineFailedException("awaitAny: every coroutine failed; first: " + first, first.failureNow())
                : new CancellationException("awaitAny: every coroutine was cancelled");
        suppressFailures(e, losers, first);
        throw e;
    }

    /** The exception that {@code result()} of the (failed or cancelled) {@code c} would throw. */
    private static RuntimeException exceptionOf(CoroutineTask<?> c, String who) {
        return c.rawState() == CoroutineTask.FAILED
                ? new CoroutineFailedException(who + ": a coroutine failed: " + c, c.failureNow())
                : new CancellationException(who + ": a coroutine was cancelled: " + c);
    }

    private static void suppressFailures(Throwable e, List<CoroutineTask<?>> others, CoroutineTask<?> except) {
        for (CoroutineTask<?> o : others) {
            Throwable f = o.failureNow();
            if (o != except && f != null && f != e.getCause()) {
                e.addSuppressed(f);
            }
        }
    }
}
