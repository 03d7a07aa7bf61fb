package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberPuppet;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.WhiteboxSubscriberProbe;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;

/**
 * The Reactive Streams TCK (subscriber rules, white box) on {@link ChannelSubscriber} of capacity
 * 1. The probe sees every signal through a thin decorator; the puppet's "request n" lets a reader
 * receive n elements from the channel (which is what makes the subscriber request more), and its
 * "cancel" cancels the channel.
 */
public class ChannelSubscriberWhiteboxTckTest extends FlowSubscriberWhiteboxVerification<Integer> {
    private final TckSupport.ScopePerTest scope = new TckSupport.ScopePerTest();

    public ChannelSubscriberWhiteboxTckTest() {
        super(TckSupport.environment());
    }

    @Override
    public Flow.Subscriber<Integer> createFlowSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
        ChannelSubscriber<Integer> subscriber = FlowAdapters.subscriber(scope.scope(), 1);
        ReceiveChannel<Integer> channel = subscriber.channel();
        Channel<Boolean> credits = Channel.unbounded();
        scope.scope().spawn(() -> {
            while (credits.receiveCatching().isValue() && channel.receiveCatching().isValue()) {
                // one element received per credit
            }
            return null;
        });
        AtomicBoolean subscribed = new AtomicBoolean();
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscriber.onSubscribe(s);
                if (subscribed.compareAndSet(false, true)) { // a second one is the subscriber's to cancel
                    probe.registerOnSubscribe(new SubscriberPuppet() {
                        @Override
                        public void triggerRequest(long elements) {
                            for (long i = 0; i < elements; i++) {
                                credits.trySend(true);
                            }
                        }

                        @Override
                        public void signalCancel() {
                            channel.cancel();
                        }
                    });
                }
            }

            @Override
            public void onNext(Integer element) {
                subscriber.onNext(element);
                probe.registerOnNext(element);
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.onError(failure);
                probe.registerOnError(failure);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
                probe.registerOnComplete();
            }
        };
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }

    @BeforeMethod
    public void openScope() {
        scope.open();
    }

    @AfterMethod(alwaysRun = true)
    public void closeScope() throws InterruptedException {
        scope.close();
    }
}
