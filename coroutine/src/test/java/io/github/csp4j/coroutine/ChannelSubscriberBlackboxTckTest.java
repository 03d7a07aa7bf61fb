package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;
import org.testng.annotations.AfterMethod;

/**
 * The Reactive Streams TCK (subscriber rules, black box) on {@link ChannelSubscriber}, with a
 * reader that drains its channel.
 */
public class ChannelSubscriberBlackboxTckTest extends FlowSubscriberBlackboxVerification<Integer> {
    private final TckSupport.Made made = new TckSupport.Made();

    public ChannelSubscriberBlackboxTckTest() {
        super(TckSupport.environment());
    }

    @Override
    public Flow.Subscriber<Integer> createFlowSubscriber() {
        ChannelSubscriber<Integer> subscriber = FlowAdapters.subscriber(TckSupport.SPAWNER, 4);
        ReceiveChannel<Integer> channel = made.add(subscriber.channel());
        TckSupport.SPAWNER.spawn(() -> {
            while (channel.receiveCatching().isValue()) {
                // drain: the subscriber requests more as elements are received
            }
            return null;
        });
        return subscriber;
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }

    @AfterMethod
    public void cancelChannels() {
        made.cancelAll();
    }
}
