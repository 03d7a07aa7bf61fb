package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;

/**
 * The Reactive Streams TCK (publisher rules) on {@link FlowAdapters#publisher}: a channel fed by a
 * generator of {@code elements} longs. TestNG-based, run on the JUnit Platform by the TestNG engine.
 */
public class ChannelPublisherTckTest extends FlowPublisherVerification<Long> {
    private final TckSupport.ScopePerTest scope = new TckSupport.ScopePerTest();

    public ChannelPublisherTckTest() {
        super(TckSupport.environment(), TckSupport.GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        ReceiveChannel<Long> channel = scope.scope().produce(4, out -> {
            for (long i = 0; i < elements; i++) {
                out.send(i);
            }
        });
        return FlowAdapters.publisher(scope.scope(), channel);
    }

    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        Channel<Long> failed = Channel.rendezvous();
        failed.close(new IllegalStateException("a failed channel"));
        return FlowAdapters.publisher(scope.scope(), failed);
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
