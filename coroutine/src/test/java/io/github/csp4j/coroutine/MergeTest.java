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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fan-in: {@link Pipelines#merge}. */
@Timeout(30)
class MergeTest {

    @Test
    void deliversEveryElementOnceInEachInputsOrderThenCloses() throws Exception {
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> merged = Pipelines.merge(scope, 8,
                    range(scope, 0, 1000, 4), range(scope, 1000, 1000, 0), range(scope, 2000, 1000, 16));
            List<Integer> got = Pipelines.toList(merged);
            Ledger ledger = new Ledger();
            ledger.addAll(got);
            ledger.assertExactlyOnce(3000);
            int[] last = {-1, 999, 1999};
            for (int x : got) {
                int input = x / 1000;
                assertTrue(x > last[input], "input " + input + " out of order at " + x);
                last[input] = x;
            }
            assertTrue(merged.isClosedForReceive());
        });
    }

    @Test
    void noInputsIsClosedAtOnce() throws Exception {
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<String> merged = Pipelines.merge(scope, 0, List.of());
            assertTrue(merged.receiveCatching().isClosed());
        });
    }

    @Test
    void theFirstFailureClosesTheOutputWithItAndCancelsTheOtherInputs() throws Exception {
        IOException boom = new IOException("input a failed");
        Channel<Integer> a = Channel.buffered(4);
        Channel<Integer> b = Channel.buffered(4);
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> merged = Pipelines.merge(scope, 0, a, b);
            a.send(1);
            assertEquals(1, merged.receive());
            a.close(boom);
            ChannelClosedException e = assertThrows(ChannelClosedException.class, merged::receive);
            assertSame(boom, e.getCause());
            PipeFixtures.eventually("b is cancelled", b::isClosedForSend);
            assertThrows(ChannelClosedException.class, () -> b.send(2));
        }); // the scope does not fail: the failure went down the pipeline
    }

    @Test
    void cancellingTheOutputCancelsTheInputsAndLosesNothing() throws Exception {
        for (int round = 0; round < 20; round++) {
            int n = 3000;
            Ledger ledger = new Ledger();
            List<Channel<Integer>> inputs = List.of(PipeFixtures.ledgerChannel(8, ledger),
                    PipeFixtures.ledgerChannel(0, ledger), PipeFixtures.ledgerChannel(3, ledger));
            int take = round * 97;
            PipeFixtures.inScope(scope -> {
                for (int p = 0; p < 3; p++) {
                    Channel<Integer> in = inputs.get(p);
                    int first = p * 1000;
                    scope.spawn(() -> {
                        int i = first;
                        try {
                            for (; i < first + 1000; i++) {
                                in.send(i);
                            }
                            in.close();
                        } catch (ChannelClosedException cancelled) {
                            for (; i < first + 1000; i++) {
                                ledger.add(i); // handed back, or never sent
                            }
                        }
                        return null;
                    });
                }
                ReceiveChannel<Integer> merged = Pipelines.merge(scope, 5, inputs, ledger::add);
                for (int i = 0; i < take; i++) {
                    ledger.add(merged.receive());
                }
                assertTrue(merged.cancel());
                assertFalse(merged.cancel());
            });
            for (Channel<Integer> in : inputs) {
                assertTrue(in.isClosedForSend(), "input not cancelled");
            }
            ledger.assertExactlyOnce(n);
        }
    }

    @Test
    void cancellingTheScopeClosesTheOutputWithACancellation() throws Exception {
        Channel<Integer> a = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> merged = Pipelines.merge(scope, 0, a);
            scope.cancel();
            ChannelClosedException e = assertThrows(ChannelClosedException.class, merged::receive);
            assertInstanceOf(CancellationException.class, e.getCause());
        });
        assertTrue(a.isClosedForSend(), "the input is cancelled with the stage");
    }

    @Test
    void aSlowConsumerHoldsTheProducersBack() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Thread> producer = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = scope.produce(4, out -> {
                producer.set(Thread.currentThread());
                for (int i = 0; ; i++) {
                    out.send(i);
                    sent.incrementAndGet();
                }
            });
            ReceiveChannel<Integer> merged = Pipelines.merge(scope, 2, source);
            PipeFixtures.eventually("the producer started", () -> producer.get() != null);
            PipeFixtures.eventually("7 were sent", () -> sent.get() >= 7);
            TestSupport.awaitBlockedIn(producer.get(), "send");
            // 4 in the source, 1 held by the forwarder, 2 in the output: then the producer waits
            assertEquals(7, sent.get());
            assertEquals(0, merged.receive());
            PipeFixtures.eventually("one more was sent", () -> sent.get() == 8);
            TestSupport.awaitBlockedIn(producer.get(), "send");
            assertEquals(8, sent.get());
            merged.cancel();
        });
    }

    @Test
    void badArguments() throws Exception {
        Channel<Integer> a = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            assertThrows(NullPointerException.class, () -> Pipelines.merge(null, 0, a));
            NullPointerException npe = assertThrows(NullPointerException.class,
                    () -> Pipelines.merge(scope, 0, new ArrayList<>(java.util.Arrays.asList(a, null))));
            assertTrue(npe.getMessage().contains("inputs[1]"), npe.getMessage());
            IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> Pipelines.merge(scope, -1, a));
            assertTrue(iae.getMessage().contains("capacity"), iae.getMessage());
        });
        assertFalse(a.isClosedForSend(), "a refused stage touches nothing");
    }
}
