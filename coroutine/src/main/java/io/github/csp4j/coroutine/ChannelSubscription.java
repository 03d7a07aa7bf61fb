package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One subscription to a {@link ChannelPublisher}, and the coroutine body that serves it: it
 * waits for demand, receives an element, signals {@code onNext}, and ends with
 * {@code onComplete} or {@code onError} when the channel ends. Internal; see the notes in
 * {@link ChannelPublisher}.
 *
 * <pre>
 * Implementation notes.
 *
 * "demand" saturates at Long.MAX_VALUE (rule 3.17), which then means unbounded and is no longer
 * decremented. request() adds and unparks the emitter; the emitter re-reads demand after being
 * published in "emitter" and before parking, and unpark before park leaves a permit, so no
 * wake-up is lost. Terminal signals need no demand (rules 1.4, 1.5), but a channel cannot tell
 * anyone that it closed: without demand the emitter parks with a timeout (1 ms, doubling up to
 * 1 s) and checks isClosedForReceive(), which takes nothing. So an end is signalled at once when
 * the channel had ended before the subscription, and otherwise within about a second, or as soon
 * as there is demand. A non-positive request (rule 3.9) is recorded in "badRequest"; like cancel(),
 * it cancels the channel to wake an emitter blocked in receive, and the emitter then signals
 * onError with it. An interrupt of the emitter (its scope was cancelled) ends the subscription
 * with onError(CancellationException) and cancels the channel.
 * </pre>
 */
final class ChannelSubscription<T> implements Flow.Subscription {
    /** Without demand, how often the emitter first looks whether the channel ended... */
    private static final long MIN_IDLE_NANOS = 1_000_000;
    /** ...and at least how often it looks later on. */
    private static final long MAX_IDLE_NANOS = 1_000_000_000;

    private final ReceiveChannel<T> channel;
    private final AtomicLong demand = new AtomicLong();
    private volatile Flow.Subscriber<? super T> subscriber;
    private volatile Thread emitter;
    private volatile boolean cancelled;
    private volatile IllegalArgumentException badRequest;

    ChannelSubscription(ReceiveChannel<T> channel, Flow.Subscriber<? super T> subscriber) {
        this.channel = channel;
        this.subscriber = subscriber;
    }

    // ---- Flow.Subscription (any thread, serially: rule 2.7) -----------------------------------

    @Override
    public void request(long n) {
        if (cancelled) {
            return; // rule 3.6
        }
        if (n <= 0) {
            if (badRequest == null) {
                badRequest = new IllegalArgumentException(
                        "rule 3.9: request(n) needs n > 0, was " + n + " (the subscription is cancelled)");
            }
            channel.cancel();
        } else if (demand.getAndAccumulate(n, ChannelSubscription::addCapped) != 0) {
            return; // the emitter is not parked for demand
        }
        Thread t = emitter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return; // rule 3.7
        }
        cancelled = true;
        channel.cancel(); // wakes an emitter blocked in receive; stops the producers upstream
        Thread t = emitter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private static long addCapped(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    // ---- the emitter --------------------------------------------------------------------------

    /** The body of the emitter coroutine. */
    void run() {
        emitter = Thread.currentThread();
        Flow.Subscriber<? super T> s = subscriber;
        long idle = MIN_IDLE_NANOS;
        try {
            s.onSubscribe(this);
            while (!cancelled) {
                if (badRequest != null) {
                    fail(s, badRequest);
                    return;
                }
                long d = demand.get();
                if (d == 0 && !channel.isClosedForReceive()) {
                    LockSupport.parkNanos(this, idle);
                    idle = Math.min(2 * idle, MAX_IDLE_NANOS);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    continue;
                }
                idle = MIN_IDLE_NANOS;
                T element; // without demand only when closed and drained: the receive then just ends
                try {
                    element = channel.receive();
                } catch (ChannelClosedException e) {
                    if (cancelled) {
                        return;
                    }
                    if (badRequest != null) {
                        fail(s, badRequest);
                    } else if (e.isCancelled()) {
                        fail(s, Stage.causeOf(e)); // someone else cancelled the channel
                    } else if (e.getCause() != null) {
                        fail(s, e.getCause());
                    } else {
                        cancelled = true; // rule 1.6: terminal
                        s.onComplete();
                    }
                    return;
                }
                if (d != Long.MAX_VALUE) {
                    demand.decrementAndGet();
                }
                s.onNext(element); // delivered even if cancelled meanwhile: it was requested (rule 2.8)
            }
        } catch (InterruptedException e) {
            if (!cancelled) {
                channel.cancel();
                fail(s, ChannelPublisher.cancelled(e));
            }
        } catch (RuntimeException | Error e) {
            // the subscriber broke rule 2.13 by throwing: consider it cancelled, and let the
            // coroutine fail so the scope (or the uncaught-exception handler) reports it
            cancelled = true;
            channel.cancel();
            throw e;
        } finally {
            emitter = null;
            subscriber = null; // rule 3.13: drop the reference
        }
    }

    private void fail(Flow.Subscriber<? super T> s, Throwable cause) {
        cancelled = true;
        channel.cancel();
        s.onError(cause);
    }
}
