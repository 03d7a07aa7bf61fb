package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendResult;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A {@link Flow.Subscriber} that feeds a channel: subscribe it to any publisher and read the
 * elements from {@link #channel()}, with the publisher's demand tied to what the reader has
 * taken. Made by {@link FlowAdapters#subscriber(Spawner, int)};
 * {@link FlowAdapters#fromPublisher(Spawner, Flow.Publisher, int)} subscribes one for you.
 *
 * <h2>Demand</h2>
 * It requests {@code capacity} elements when subscribed, and then more as the reader receives
 * them (in steps of about three quarters of the capacity): at any time, at most
 * {@code capacity} elements have been requested and not yet received from {@link #channel()}.
 * They wait in a buffer of that size; the channel itself hands each element over as a
 * rendezvous, to whoever receives (or selects) first.
 *
 * <h2>End, failure, cancellation</h2>
 * <ul>
 *   <li>{@code onComplete}: the channel is closed once the buffered elements are received.</li>
 *   <li>{@code onError(e)}: the channel is closed with {@code e} once they are received: a
 *       receive then throws {@link ChannelClosedException} with cause {@code e}.</li>
 *   <li>{@link ReceiveChannel#cancel()} on the channel cancels the subscription; buffered elements
 *       and any the publisher still sends go to the undelivered-element callback.</li>
 *   <li>If the coroutine that feeds the channel is cancelled (its scope was cancelled), the
 *       subscription is cancelled and the channel closed with a {@link CancellationException}.</li>
 *   <li>A publisher that sends more than was requested breaks rule 1.1: the subscription is
 *       cancelled and the channel closed with an {@link IllegalStateException}.</li>
 * </ul>
 * It follows the Reactive Streams rules for subscribers (verified with the TCK): a second
 * {@code onSubscribe} is cancelled (rule 2.5), null arguments are a
 * {@link NullPointerException} (rule 2.13), {@code request} and {@code cancel} are called
 * serially (rule 2.7), and never from within {@code onComplete} or {@code onError} (rule 2.3).
 * The {@code on*} methods never block. A subscriber can be subscribed once.
 *
 * @param <T> the element type
 */
public final class ChannelSubscriber<T> implements Flow.Subscriber<T> {
    /*
     * Implementation notes.
     *
     * onNext puts the element in "inbox", a buffered channel of the capacity, with trySend: it
     * never waits, because demand never exceeds the free room (FULL means the publisher broke
     * rule 1.1). A feeder coroutine moves elements from the inbox to "out", a rendezvous
     * channel, and requests more after each batch of "replenish" hand-overs: so "requested
     * minus received by the reader" stays at most the capacity, and "out" is a plain channel
     * (select works on it) with nothing to account on the reader's side. Calls on the
     * Subscription are made under "subscriptionLock" (rule 2.7: the feeder requests, the
     * reader's cancel cancels); the lock is reentrant, for publishers that call back
     * synchronously.
     */
    private final int capacity;
    private final int replenish;
    private final Channel<T> inbox;
    private final Channel<T> out;
    private final Consumer<? super T> onUndelivered;
    private final ReceiveChannel<T> view;
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final ReentrantLock subscriptionLock = new ReentrantLock();
    private volatile boolean cancelled;
    private volatile boolean terminated; // onComplete or onError arrived
    private boolean subscriptionCancelled; // guarded by subscriptionLock
    private final Coroutine<?> feeder;

    ChannelSubscriber(Spawner scope, int capacity, Consumer<? super T> onUndelivered) {
        this.capacity = capacity;
        this.replenish = Math.max(1, capacity - capacity / 4);
        this.onUndelivered = onUndelivered;
        var inboxBuilder = Channel.<T>builder().capacity(capacity).singleProducer().singleConsumer();
        var outBuilder = Channel.<T>builder().singleProducer();
        if (onUndelivered != null) {
            inboxBuilder.onUndeliveredElement(onUndelivered);
            outBuilder.onUndeliveredElement(onUndelivered);
        }
        this.inbox = inboxBuilder.build();
        this.out = outBuilder.build();
        this.view = new ChannelView<>(out, this::cancelFromReader, "publisher-fed ");
        this.feeder = scope.spawn("csp4j-subscriber", () -> {
            feed();
            return null;
        });
        CoroutineTask<?> task = (CoroutineTask<?>) feeder;
        if (task.subscribe(this::feederDone) == null) {
            feederDone(task);
        }
    }

    /**
     * Returns the channel the elements arrive on. Cancel it to cancel the subscription.
     */
    public ReceiveChannel<T> channel() {
        return view;
    }

    // ---- Flow.Subscriber ----------------------------------------------------------------------

    /**
     * Takes the subscription and requests {@code capacity} elements; a second subscription is
     * cancelled at once (rule 2.5), and so is one arriving after {@link #channel()} was cancelled.
     *
     * @throws NullPointerException if {@code s} is null
     */
    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s, "subscription");
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (cancelled) {
            cancelSubscription(); // under the lock, serially with any other call (rule 2.7)
            return;
        }
        request(capacity);
    }

    /**
     * Buffers {@code element}; never waits.
     *
     * @throws NullPointerException if {@code element} is null
     */
    @Override
    public void onNext(T element) {
        Objects.requireNonNull(element, "element");
        SendResult r = inbox.trySend(element);
        if (r == SendResult.SENT) {
            return;
        }
        undelivered(element);
        if (r == SendResult.FULL) {
            IllegalStateException e = new IllegalStateException("rule 1.1: the publisher sent more than the "
                    + capacity + " elements requested");
            cancelSubscription();
            inbox.close(e);
        }
    }

    /**
     * Closes the channel with {@code failure}, after the buffered elements.
     *
     * @throws NullPointerException if {@code failure} is null
     */
    @Override
    public void onError(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        terminated = true;
        inbox.close(failure);
    }

    /** Closes the channel, after the buffered elements. */
    @Override
    public void onComplete() {
        terminated = true;
        inbox.close();
    }

    // ---- the feeder ---------------------------------------------------------------------------

    private void feed() {
        int handedOver = 0;
        try {
            while (true) {
                T element;
                try {
                    element = inbox.receive();
                } catch (ChannelClosedException e) {
                    if (!e.isCancelled()) { // the publisher completed or failed
                        if (e.getCause() == null) {
                            out.close();
                        } else {
                            out.close(e.getCause());
                        }
                    }
                    return; // else: cancelled, and whoever cancelled cleans up
                }
                try {
                    out.send(element);
                } catch (ChannelClosedException | InterruptedException e) {
                    undelivered(element);
                    throw e;
                }
                if (++handedOver == replenish) {
                    handedOver = 0;
                    request(replenish);
                }
            }
        } catch (ChannelClosedException e) {
            // the reader cancelled the channel; cancelFromReader cleans up
        } catch (InterruptedException e) {
            shutDown();
        }
    }

    /** However the feeder ended: if it was cancelled (perhaps before it ran), clean up. */
    private boolean feederDone(CoroutineTask<?> task) {
        if (task.rawState() != CoroutineTask.SUCCEEDED) {
            shutDown();
        }
        return false;
    }

    /** The feeder was cancelled (its scope was): close the channel and cancel the subscription. */
    private void shutDown() {
        out.close(Stage.cancellation("the subscriber's coroutine was cancelled", null)); // no-op if cancelled
        cancelled = true;
        cancelSubscription();
        inbox.cancel();
    }

    private boolean cancelFromReader() {
        boolean first = out.cancel();
        cancelled = true;
        cancelSubscription();
        inbox.cancel();
        feeder.cancel();
        return first;
    }

    private void request(long n) {
        subscriptionLock.lock();
        try {
            Flow.Subscription s = subscription.get();
            if (s != null && !cancelled && !terminated) {
                s.request(n);
            }
        } finally {
            subscriptionLock.unlock();
        }
    }

    private void cancelSubscription() {
        subscriptionLock.lock();
        try {
            Flow.Subscription s = subscription.get();
            if (s != null && !terminated && !subscriptionCancelled) {
                subscriptionCancelled = true;
                s.cancel();
            }
        } finally {
            subscriptionLock.unlock();
        }
    }

    private void undelivered(T element) {
        if (onUndelivered != null) {
            try {
                onUndelivered.accept(element);
            } catch (Throwable e) {
                Stage.report(e);
            }
        }
    }

    @Override
    public String toString() {
        return "ChannelSubscriber[capacity=" + capacity + ", " + out + "]";
    }
}
