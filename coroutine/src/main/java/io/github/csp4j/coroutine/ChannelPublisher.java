package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Flow.Publisher} view of a receive channel, from
 * {@link FlowAdapters#publisher(Spawner, ReceiveChannel)}. Unicast and single-use: the first
 * subscriber consumes the channel; later ones get {@code onSubscribe} then {@code onError}.
 * Internal.
 *
 * <pre>
 * Implementation notes.
 *
 * The subscription is served by one coroutine (Emitter), which sends every signal, onSubscribe
 * first, so signals are serial without any lock (rule 1.3) and request() called from onNext
 * only adds demand (no recursion, rule 3.3). The emitter receives from the channel only while
 * there is demand, so at most one element is ever taken ahead of delivery, and it is delivered
 * (the demand for it existed: rules 2.8, 3.6). cancel() closes the door by cancelling the
 * channel: an emitter blocked in receive wakes at once with "closed", and the producers
 * upstream stop. The publisher keeps only a flag, so a cancelled subscriber is not referenced
 * once the emitter has returned (rule 3.13).
 * </pre>
 */
final class ChannelPublisher<T> implements Flow.Publisher<T> {
    private final Spawner spawner;
    private final ReceiveChannel<T> channel;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ChannelPublisher(Spawner spawner, ReceiveChannel<T> channel) {
        this.spawner = spawner;
        this.channel = channel;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscriber"); // rule 1.9
        }
        if (!subscribed.compareAndSet(false, true)) {
            reject(subscriber, new IllegalStateException(
                    "this publisher is the view of one channel and was already subscribed: " + channel));
            return;
        }
        ChannelSubscription<T> subscription = new ChannelSubscription<>(channel, subscriber);
        try {
            spawner.spawn("csp4j-publisher", () -> {
                subscription.run();
                return null;
            });
        } catch (RuntimeException e) {
            channel.cancel();
            reject(subscriber, e); // e.g. the scope is closed
        }
    }

    private static void reject(Flow.Subscriber<?> subscriber, Throwable why) {
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onError(why);
    }

    @Override
    public String toString() {
        return "Publisher[" + channel + "]";
    }

    /** The interrupt that cancels the emitter's coroutine, as the subscriber sees it. */
    static CancellationException cancelled(InterruptedException e) {
        CancellationException c = new CancellationException("the publisher's coroutine was cancelled");
        c.initCause(e);
        return c;
    }
}
