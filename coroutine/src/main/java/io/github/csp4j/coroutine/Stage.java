package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A pipeline stage: worker coroutines that read input channels and write output channels, and
 * the rules that every stage of {@link Pipelines} follows. Internal; a subclass supplies
 * {@link #work(int)}.
 *
 * <ul>
 *   <li>The outputs are closed once, by whichever comes first: a failure (closed with it), a
 *       cancellation (closed with a {@link CancellationException}), or the last worker
 *       finishing (closed plainly, or with the cause the input ended with).</li>
 *   <li>A stage that stops early (failure, cancellation) cancels its inputs, so the stages
 *       upstream stop too (Kotlin's {@code consume} rule).</li>
 *   <li>When every output has been cancelled by its consumer, the stage stops: its workers are
 *       cancelled and its inputs are cancelled.</li>
 *   <li>An element a worker holds but can no longer deliver goes to the undelivered-element
 *       callback, the same one the outputs give their discarded buffers to.</li>
 *   <li>Workers never fail their coroutine: a failure travels down the pipeline through the
 *       outputs, not sideways through the scope.</li>
 * </ul>
 *
 * <pre>
 * Implementation notes.
 *
 * Each worker is a coroutine of the caller's spawner, watched by a completion listener
 * (CoroutineTask.subscribe), so the stage learns that a worker is done however it ended, also
 * when it was cancelled before it ever ran (spawned into a cancelled scope). "live" counts
 * workers not yet done; the listener of the last one closes the outputs (a no-op if a failure or
 * a cancellation closed them first: the channels keep the first close).
 *
 * stop() sets "stopped" and then reads the worker array; start() writes a worker into the array
 * and then reads "stopped": both volatile (AtomicReferenceArray), so a worker spawned while the
 * stage stops is cancelled by one side or the other. Cancelling a coroutine that is done, or
 * twice, does nothing.
 *
 * Exceptions thrown by callbacks the stage itself calls (undelivered elements, and cancelling
 * inputs, which runs their callbacks) go to the uncaught-exception handler of the thread, so
 * that cleanup never stops half-way and nothing is silent.
 * </pre>
 *
 * @param <R> the output element type
 */
abstract class Stage<R> {
    private final String name;
    private final List<? extends ReceiveChannel<?>> inputs;
    private final List<Channel<R>> outputs;
    private final Consumer<? super R> onUndelivered;
    private final AtomicInteger openOutputs;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicBoolean inputsCancelled = new AtomicBoolean();
    private final AtomicReference<Throwable> endCause = new AtomicReference<>();
    private volatile AtomicReferenceArray<Coroutine<?>> workers = new AtomicReferenceArray<>(0);
    /** The thread running each worker, while it runs: a worker stopping the stage skips itself. */
    private volatile AtomicReferenceArray<Thread> threads = new AtomicReferenceArray<>(0);
    private volatile boolean stopped;

    /**
     * @param name names the worker coroutines (and their threads): {@code name-0}, {@code name-1}...
     * @param inputs cancelled when the stage stops early
     * @param outputCount how many output channels
     * @param capacity the capacity of each output channel
     * @param singleProducer whether at most one worker at a time sends to an output
     * @param onUndelivered gets elements discarded from the outputs or held by workers; may be null
     */
    Stage(String name, List<? extends ReceiveChannel<?>> inputs, int outputCount, int capacity,
            boolean singleProducer, Consumer<? super R> onUndelivered) {
        this.name = name;
        this.inputs = inputs;
        this.onUndelivered = onUndelivered;
        this.openOutputs = new AtomicInteger(outputCount);
        List<Channel<R>> outs = new ArrayList<>(outputCount);
        for (int i = 0; i < outputCount; i++) {
            var b = Channel.<R>builder().capacity(capacity);
            if (onUndelivered != null) {
                b.onUndeliveredElement(onUndelivered);
            }
            if (singleProducer) {
                b.singleProducer();
            }
            outs.add(b.build());
        }
        this.outputs = List.copyOf(outs);
    }

    /** The work of worker {@code index}; returns when there is no more. */
    abstract void work(int index) throws Exception;

    // ---- starting -----------------------------------------------------------------------------

    /**
     * Spawns {@code count} workers on {@code spawner} and returns the receiving ends of the
     * outputs. If the spawner refuses the first worker, nothing has started and the exception is
     * thrown as is; if it refuses a later one, the stage fails with the exception (outputs closed
     * with it, inputs cancelled) and it is thrown.
     */
    final List<ReceiveChannel<R>> start(Spawner spawner, int count) {
        List<ReceiveChannel<R>> views = new ArrayList<>(outputs.size());
        for (Channel<R> out : outputs) {
            views.add(new ChannelView<>(out, () -> outputCancelled(out), name + " output "));
        }
        AtomicReferenceArray<Coroutine<?>> ws = new AtomicReferenceArray<>(count);
        threads = new AtomicReferenceArray<>(count);
        workers = ws;
        live.set(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Coroutine<?> c;
            try {
                c = spawner.spawn(name + "-" + i, () -> {
                    runWorker(index);
                    return null;
                });
            } catch (RuntimeException | Error e) {
                if (i > 0) {
                    stop(e);
                    if (live.addAndGet(i - count) == 0) {
                        allDone();
                    }
                }
                throw e;
            }
            ws.set(i, c);
            if (stopped) {
                c.cancel();
            }
            CoroutineTask<?> task = (CoroutineTask<?>) c;
            if (task.subscribe(this::workerDone) == null) {
                workerDone(task);
            }
        }
        return views;
    }

    private void runWorker(int index) {
        threads.set(index, Thread.currentThread());
        try {
            work(index);
        } catch (InterruptedException e) {
            stop(cancellation("interrupted", e));
        } catch (Throwable e) {
            stop(e);
        } finally {
            threads.set(index, null);
        }
    }

    private boolean workerDone(CoroutineTask<?> task) {
        int s = task.rawState();
        if (s == CoroutineTask.CANCELLED) {
            stop(cancellation("its coroutine was cancelled", null));
        } else if (s == CoroutineTask.FAILED) {
            stop(task.failureNow());
        }
        if (live.decrementAndGet() == 0) {
            allDone();
        }
        return false; // a failure of the coroutine itself (never expected) is still reported
    }

    /** The last worker is done: close the outputs, plainly or with the input's end cause. */
    private void allDone() {
        Throwable cause = endCause.get();
        for (Channel<R> out : outputs) {
            if (cause == null) {
                out.close();
            } else {
                out.close(cause);
            }
        }
    }

    // ---- stopping -----------------------------------------------------------------------------

    /**
     * Stops the stage early: closes the outputs with {@code cause} (unless closed already),
     * cancels the workers (except the caller) and the inputs. Idempotent.
     */
    final void stop(Throwable cause) {
        for (Channel<R> out : outputs) {
            out.close(cause);
        }
        halt();
    }

    /** Every output was cancelled by its consumer: stop the workers and the inputs. */
    private void halt() {
        stopped = true;
        AtomicReferenceArray<Coroutine<?>> ws = workers;
        AtomicReferenceArray<Thread> ts = threads;
        Thread me = Thread.currentThread();
        for (int i = 0; i < ws.length(); i++) {
            Coroutine<?> c = ws.get(i);
            if (c != null && ts.get(i) != me) { // a worker stopping the stage does not interrupt itself
                c.cancel();
            }
        }
        cancelInputs();
    }

    private boolean outputCancelled(Channel<R> out) {
        boolean cancelled = out.cancel();
        if (cancelled && openOutputs.decrementAndGet() == 0) {
            halt();
        }
        return cancelled;
    }

    private void cancelInputs() {
        if (!inputsCancelled.compareAndSet(false, true)) {
            return;
        }
        for (ReceiveChannel<?> in : inputs) {
            try {
                in.cancel();
            } catch (Throwable e) {
                report(e);
            }
        }
    }

    // ---- for the workers ----------------------------------------------------------------------

    /** Whether the stage has stopped early; workers stop taking input. */
    final boolean isStopped() {
        return stopped;
    }

    /** The outputs, in order. */
    final List<Channel<R>> outputs() {
        return outputs;
    }

    /** The first (for most stages, the only) output. */
    final Channel<R> output() {
        return outputs.get(0);
    }

    /**
     * The input ended: {@code e} is what its receive threw. Records the cause the outputs will
     * be closed with once every worker is done: the input's close cause, a
     * {@link CancellationException} if the input was cancelled, none if it was just closed.
     */
    final void inputEnded(ChannelClosedException e) {
        Throwable cause = causeOf(e);
        if (cause != null) {
            endCause.compareAndSet(null, cause);
        }
    }

    /**
     * Sends {@code element} to {@code out}; if {@code out} is closed or cancelled, or the wait is
     * interrupted, the element goes to the undelivered-element callback.
     *
     * @return whether it was sent; {@code false} means the output is gone and the worker should end
     */
    final boolean send(Channel<R> out, R element) throws InterruptedException {
        try {
            out.send(element);
            return true;
        } catch (ChannelClosedException e) {
            undelivered(element);
            return false;
        } catch (InterruptedException e) {
            undelivered(element);
            throw e;
        }
    }

    /** Hands an element that will not be delivered to the callback, if there is one. */
    final void undelivered(R element) {
        if (onUndelivered != null) {
            try {
                onUndelivered.accept(element);
            } catch (Throwable e) {
                report(e);
            }
        }
    }

    /** What an input's "closed" means for the output: its cause, a cancellation, or none. */
    static Throwable causeOf(ChannelClosedException e) {
        if (e.isCancelled()) {
            return cancellation("its input was cancelled", e);
        }
        return e.getCause();
    }

    static CancellationException cancellation(String why, Throwable cause) {
        CancellationException c = new CancellationException("pipeline stage stopped: " + why);
        if (cause != null) {
            c.initCause(cause);
        }
        return c;
    }

    /** An exception from a callback: to the thread's uncaught-exception handler. */
    static void report(Throwable e) {
        Thread t = Thread.currentThread();
        try {
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        } catch (Throwable ignored) {
            // as for an exception escaping a thread
        }
    }

    static <X> X requireNonNull(X x, String what) {
        return Objects.requireNonNull(x, what);
    }

    @Override
    public String toString() {
        return name + (stopped ? "[stopped]" : "");
    }
}
