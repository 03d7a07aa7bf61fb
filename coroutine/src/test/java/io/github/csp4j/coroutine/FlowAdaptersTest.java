package io.github.csp4j.coroutine;

import static io.github.csp4j.coroutine.PipeFixtures.range;
import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.PipeFixtures.Ledger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link FlowAdapters}: channels from publishers and publishers of channels (the TCK classes check the rules). */
@Timeout(30)
class FlowAdaptersTest {

    /** An endless publisher of 0, 1, 2, ... that emits synchronously inside request() and records demand. */
    static final class CountingPublisher implements Flow.Publisher<Integer> {
        final AtomicLong requested = new AtomicLong();
        final AtomicInteger emitted = new AtomicInteger();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void subscribe(Flow.Subscriber<? super Integer> s) {
            s.onSubscribe(new Flow.Subscription() {
                private boolean emitting;

                @Override
                public void request(long n) {
                    requested.addAndGet(n);
                    if (emitting) {
                        return; // reentrant call from onNext: the loop below serves it
                    }
                    emitting = true;
                    while (!cancelled.get() && emitted.get() < requested.get()) {
                        s.onNext(emitted.getAndIncrement());
                    }
                    emitting = false;
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        }
    }

    @Test
    void aPublishersElementsArriveInOrderThenTheChannelCloses() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(executor, 4)) {
            PipeFixtures.inScope(scope -> {
                ReceiveChannel<Integer> ch = FlowAdapters.fromPublisher(scope, publisher, 3);
                scope.spawn(() -> {
                    for (int i = 0; i < 500; i++) {
                        publisher.submit(i); // waits when the subscriber's demand is used up
                    }
                    publisher.close();
                });
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    expected.add(i);
                }
                assertEquals(expected, Pipelines.toList(ch));
            });
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void demandNeverRunsMoreThanTheCapacityAheadOfTheReader() throws Exception {
        CountingPublisher publisher = new CountingPublisher();
        PipeFixtures.inScope(scope -> {
            int capacity = 8;
            ReceiveChannel<Integer> ch = FlowAdapters.fromPublisher(scope, publisher, capacity);
            PipeFixtures.eventually("the first request", () -> publisher.requested.get() == capacity);
            for (int received = 1; received <= 200; received++) {
                assertEquals(received - 1, ch.receive());
                long ahead = publisher.requested.get() - received;
                assertTrue(ahead >= 0 && ahead <= capacity, "requested " + ahead + " ahead of the reader");
            }
            ch.cancel();
            assertTrue(publisher.cancelled.get());
        });
    }

    @Test
    void cancellingTheChannelCancelsTheSubscriptionAndLosesNothing() throws Exception {
        CountingPublisher publisher = new CountingPublisher();
        Ledger ledger = new Ledger();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> ch = FlowAdapters.fromPublisher(scope, publisher, 16, ledger::add);
            for (int i = 0; i < 50; i++) {
                ledger.add(ch.receive());
            }
            assertTrue(ch.cancel());
            assertTrue(publisher.cancelled.get(), "the subscription was cancelled");
            assertThrows(ChannelClosedException.class, ch::receive);
        });
        ledger.assertExactlyOnce(publisher.emitted.get()); // received, or handed to the callback
    }

    /** Publishes {@code items} as requested, then ends with {@code failure} (or completes if null). */
    static <T> Flow.Publisher<T> listPublisher(List<T> items, Throwable failure) {
        return s -> s.onSubscribe(new Flow.Subscription() {
            private int next;
            private boolean done;

            @Override
            public void request(long n) {
                for (long k = 0; k < n && next < items.size(); k++) {
                    s.onNext(items.get(next++));
                }
                if (next == items.size() && !done) {
                    done = true;
                    if (failure != null) {
                        s.onError(failure);
                    } else {
                        s.onComplete();
                    }
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }

    @Test
    void aPublishersErrorArrivesAfterItsElements() throws Exception {
        IOException boom = new IOException("publisher failed");
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<String> ch = FlowAdapters.fromPublisher(scope, listPublisher(List.of("a", "b"), boom), 4);
            assertEquals("a", ch.receive());
            assertEquals("b", ch.receive());
            assertSame(boom, assertThrows(ChannelClosedException.class, ch::receive).getCause());
        });
    }

    @Test
    void cancellingTheScopeCancelsTheSubscription() throws Exception {
        CountingPublisher publisher = new CountingPublisher();
        AtomicReference<ReceiveChannel<Integer>> ch = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            ch.set(FlowAdapters.fromPublisher(scope, publisher, 4));
            scope.cancel();
        });
        assertTrue(publisher.cancelled.get());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> {
            while (true) {
                ch.get().receive();
            }
        });
        assertInstanceOf(CancellationException.class, e.getCause());
    }

    @Test
    void aChannelMakesTheRoundTripThroughFlow() throws Exception {
        PipeFixtures.inScope(scope -> {
            Flow.Publisher<Integer> publisher = FlowAdapters.publisher(scope, range(scope, 0, 1000, 8));
            ReceiveChannel<Integer> back = FlowAdapters.fromPublisher(scope, publisher, 5);
            List<Integer> got = Pipelines.toList(back);
            assertEquals(1000, got.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, got.get(i));
            }
        });
    }

    @Test
    void aChannelFailureBecomesOnError() throws Exception {
        IOException boom = new IOException("channel failed");
        Channel<Integer> ch = Channel.buffered(2);
        ch.send(1);
        ch.close(boom);
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> back = FlowAdapters.fromPublisher(scope, FlowAdapters.publisher(scope, ch), 1);
            assertEquals(1, back.receive());
            assertSame(boom, assertThrows(ChannelClosedException.class, back::receive).getCause());
        });
    }

    /** A subscriber that records signals and requests as told. */
    static final class Recorder implements Flow.Subscriber<Integer> {
        final Channel<Object> signals = Channel.unbounded();
        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            signals.trySend("subscribed");
        }

        @Override
        public void onNext(Integer item) {
            signals.trySend(item);
        }

        @Override
        public void onError(Throwable t) {
            signals.trySend(t);
        }

        @Override
        public void onComplete() {
            signals.trySend("complete");
        }
    }

    @Test
    void thePublisherOfAChannelIsSingleUse() throws Exception {
        PipeFixtures.inScope(scope -> {
            Flow.Publisher<Integer> publisher = FlowAdapters.publisher(scope, range(scope, 0, 3, 0));
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            publisher.subscribe(first);
            publisher.subscribe(second);
            assertEquals("subscribed", second.signals.receive());
            assertInstanceOf(IllegalStateException.class, second.signals.receive());
            assertEquals("subscribed", first.signals.receive());
            first.subscription.request(Long.MAX_VALUE);
            assertEquals(List.of(0, 1, 2, "complete"), List.of(first.signals.receive(), first.signals.receive(),
                    first.signals.receive(), first.signals.receive()));
            assertThrows(NullPointerException.class, () -> publisher.subscribe(null));
        });
    }

    @Test
    void cancellingTheSubscriptionStopsTheStagesUpstream() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = PipeFixtures.endless(scope, sent);
            ReceiveChannel<Integer> doubled = Pipelines.parallelMap(scope, source, 2, 2, x -> 2 * x);
            Recorder r = new Recorder();
            FlowAdapters.publisher(scope, doubled).subscribe(r);
            assertEquals("subscribed", r.signals.receive());
            r.subscription.request(3);
            assertEquals(List.of(0, 2, 4), List.of(r.signals.receive(), r.signals.receive(), r.signals.receive()));
            r.subscription.cancel();
            PipeFixtures.eventually("the source is cancelled", source::isClosedForReceive);
        }); // closes: the generator, the workers and the publisher's coroutine all stopped
    }

    @Test
    void aBadRequestEndsTheSubscriptionWithIllegalArgument() throws Exception {
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = range(scope, 0, 10, 0);
            Recorder r = new Recorder();
            FlowAdapters.publisher(scope, source).subscribe(r);
            assertEquals("subscribed", r.signals.receive());
            r.subscription.request(0);
            Object signal = r.signals.receive();
            assertInstanceOf(IllegalArgumentException.class, signal);
            assertTrue(((Throwable) signal).getMessage().contains("3.9"), ((Throwable) signal).getMessage());
            PipeFixtures.eventually("the channel is cancelled", source::isClosedForReceive);
        });
    }

    @Test
    void anEndIsSignalledWithoutDemand() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            Recorder r = new Recorder();
            FlowAdapters.publisher(scope, ch).subscribe(r);
            assertEquals("subscribed", r.signals.receive());
            ch.close(); // no request was ever made
            assertEquals("complete", r.signals.receive());
        });
    }

    @Test
    void badArguments() throws Exception {
        PipeFixtures.inScope(scope -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FlowAdapters.fromPublisher(scope, new SubmissionPublisher<Integer>(), 0));
            assertTrue(e.getMessage().contains("capacity must be >= 1, was 0"), e.getMessage());
            assertThrows(NullPointerException.class, () -> FlowAdapters.fromPublisher(scope, null, 1));
            assertThrows(NullPointerException.class, () -> FlowAdapters.publisher(null, Channel.rendezvous()));
            ChannelSubscriber<Integer> neverSubscribed = FlowAdapters.subscriber(scope, 1);
            assertThrows(NullPointerException.class, () -> neverSubscribed.onNext(null));
            assertThrows(NullPointerException.class, () -> neverSubscribed.onSubscribe(null));
            neverSubscribed.channel().cancel(); // else its coroutine waits for a subscription
        });
    }
}
