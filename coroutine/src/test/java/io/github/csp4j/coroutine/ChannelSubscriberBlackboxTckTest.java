package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;

/**
 * The Reactive Streams TCK (subscriber rules, black box) on {@link ChannelSubscriber}, with a
 * reader that drains its channel.
 */
public class ChannelSubscriberBlackboxTckTest extends FlowSubscriberBlackboxVerification<Integer> {
    private final TckSupport.ScopePerTest scope = new TckSupport.ScopePerTest();

    public ChannelSubscriberBlackboxTckTest() {
        super(TckSupport.environment());
    }

    @Override
    public Flow.Subscriber<Integer> createFlowSubscriber() {
        ChannelSubscriber<Integer> subscriber = FlowAdapters.subscriber(scope.scope(), 4);
        ReceiveChannel<Integer> channel = subscriber.channel();
        scope.scope().spawn(() -> {
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

    @BeforeMethod
    public void openScope() {
        scope.open();
    }

    @AfterMethod(alwaysRun = true)
    public void closeScope() throws InterruptedException {
        scope.close();
    }
}
