package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A combinator's view of several coroutines: each one, when done, is delivered into a channel in
 * completion order. Internal; used by {@link Combinators}.
 *
 * <pre>
 * Implementation notes.
 *
 * One CompletionListener (this) is subscribed to every coroutine; firing it is a trySend into an
 * unbounded channel, which never blocks the completing thread. A coroutine already done when
 * subscribed is put into the channel by the subscriber itself.
 *
 * Failure responsibility: the listener answers "taken" only when the send succeeded and the
 * combinator takes failures. close() closes the channel first; from then on a late completion's
 * send fails, so its failure is not taken and goes to the uncaught-exception handler as usual.
 * Whatever was sent before the close is still in the channel and returned by close() for the
 * combinator to account for (suppressed exceptions). So every failure is either reported by the
 * combinator or by the coroutine, never by neither. close() then withdraws the listener from the
 * coroutines still running, so that repeated combinators over a long-lived coroutine leave no
 * nodes behind.
 * </pre>
 */
final class Watch implements CompletionListener {
    private final Channel<CoroutineTask<?>> done = Channel.unbounded();
    private final boolean takesFailures;
    private final List<CoroutineTask<?>> tasks;
    private final Completion[] nodes;

    private Watch(List<CoroutineTask<?>> tasks, boolean takesFailures) {
        this.tasks = tasks;
        this.takesFailures = takesFailures;
        this.nodes = new Completion[tasks.size()];
    }

    /** Starts watching {@code tasks}; {@code takesFailures}: whether the caller reports failures. */
    static Watch of(List<CoroutineTask<?>> tasks, boolean takesFailures) {
        Watch w = new Watch(tasks, takesFailures);
        for (int i = 0; i < tasks.size(); i++) {
            CoroutineTask<?> t = tasks.get(i);
            Completion node = t.subscribe(w);
            if (node == null) {
                w.done.trySend(t);
            }
            w.nodes[i] = node;
        }
        return w;
    }

    @Override
    public boolean onComplete(CoroutineTask<?> c) {
        return done.trySend(c) == SendResult.SENT && takesFailures;
    }

    /** The next coroutine to be done (one per watched entry). */
    CoroutineTask<?> take() throws InterruptedException {
        return done.receive();
    }

    /** The next coroutine to be done, or {@code null} when {@code deadline} (nanoTime) passes. */
    CoroutineTask<?> poll(long deadline) throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        return done.receive(Duration.ofNanos(Math.max(0L, remaining)));
    }

    /** Stops watching; returns the coroutines that were delivered but not taken yet. */
    List<CoroutineTask<?>> close() {
        done.close();
        List<CoroutineTask<?>> rest = new ArrayList<>(0);
        for (ReceiveResult<CoroutineTask<?>> r; (r = done.tryReceive()).isValue(); ) {
            rest.add(r.value());
        }
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                tasks.get(i).unsubscribe(nodes[i]);
                nodes[i] = null;
            }
        }
        return rest;
    }

    /** Cancels every watched coroutine that is not done. */
    void cancelAll() {
        for (CoroutineTask<?> t : tasks) {
            t.cancel();
        }
    }
}
