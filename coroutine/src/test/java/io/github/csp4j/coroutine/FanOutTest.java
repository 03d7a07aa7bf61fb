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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fan-out: {@link Pipelines#fanOut}. */
@Timeout(30)
class FanOutTest {

    @Test
    void eachElementGoesToExactlyOneOutput() throws Exception {
        int n = 5000;
        Ledger ledger = new Ledger();
        PipeFixtures.inScope(scope -> {
            List<ReceiveChannel<Integer>> outs = Pipelines.fanOut(scope, range(scope, 0, n, 16), 4, 2);
            assertEquals(4, outs.size());
            List<Coroutine<List<Integer>>> workers = new ArrayList<>();
            for (ReceiveChannel<Integer> out : outs) {
                workers.add(scope.spawn(() -> Pipelines.toList(out)));
            }
            for (Coroutine<List<Integer>> w : workers) {
                List<Integer> got = w.result();
                for (int i = 1; i < got.size(); i++) {
                    assertTrue(got.get(i) > got.get(i - 1), "an output is out of order");
                }
                ledger.addAll(got);
            }
        });
        ledger.assertExactlyOnce(n);
    }

    @Test
    void aSlowConsumerGetsOnlyWhatFitsItsBuffer() throws Exception {
        PipeFixtures.inScope(scope -> {
            List<ReceiveChannel<Integer>> outs = Pipelines.fanOut(scope, range(scope, 0, 1000, 0), 2, 1);
            List<Integer> fast = Pipelines.toList(outs.get(0)); // the other output is not read meanwhile
            List<Integer> slow = Pipelines.toList(outs.get(1));
            assertTrue(slow.size() <= 1, "the slow output got " + slow.size());
            Ledger ledger = new Ledger();
            ledger.addAll(fast);
            ledger.addAll(slow);
            ledger.assertExactlyOnce(1000);
        });
    }

    @Test
    void anOutputThatLeavesLosesNothingTheOthersCouldTake() throws Exception {
        for (int r0 = 0; r0 < 20; r0++) {
            int round = r0;
            int n = 2000;
            Ledger ledger = new Ledger();
            PipeFixtures.inScope(scope -> {
                List<ReceiveChannel<Integer>> outs = Pipelines.fanOut(scope, range(scope, 0, n, 8), 3, round % 3,
                        ledger::add);
                Coroutine<List<Integer>> a = scope.spawn(() -> Pipelines.toList(outs.get(0)));
                Coroutine<List<Integer>> b = scope.spawn(() -> Pipelines.toList(outs.get(1)));
                ReceiveChannel<Integer> leaver = outs.get(2);
                for (int i = 0; i < round * 10; i++) {
                    var r = leaver.receiveCatching(); // the others may take everything first
                    if (r.isClosed()) {
                        break;
                    }
                    ledger.add(r.value());
                }
                leaver.cancel(); // its buffer goes to the callback; the rest goes to a and b
                ledger.addAll(a.result());
                ledger.addAll(b.result());
            });
            ledger.assertExactlyOnce(n);
        }
    }

    @Test
    void cancellingEveryOutputCancelsTheInput() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<ReceiveChannel<Integer>> sourceRef = new AtomicReference<>();
        PipeFixtures.inScope(scope -> {
            ReceiveChannel<Integer> source = PipeFixtures.endless(scope, sent);
            sourceRef.set(source);
            List<ReceiveChannel<Integer>> outs = Pipelines.fanOut(scope, source, 2, 0);
            outs.get(0).receive();
            outs.get(1).receive();
            outs.get(0).cancel();
            assertTrue(outs.get(1).receive() >= 0, "the other output still works");
            outs.get(1).cancel();
        }); // returns only because the generator was stopped
        assertTrue(sourceRef.get().isClosedForReceive());
    }

    @Test
    void theInputsEndClosesEveryOutputWithItsCause() throws Exception {
        IOException boom = new IOException("source failed");
        Channel<Integer> in = Channel.buffered(4);
        in.send(7);
        in.close(boom);
        PipeFixtures.inScope(scope -> {
            List<ReceiveChannel<Integer>> outs = Pipelines.fanOut(scope, in, 3, 1);
            int got = 0;
            for (ReceiveChannel<Integer> out : outs) {
                while (true) {
                    try {
                        assertEquals(7, out.receive());
                        got++;
                    } catch (ChannelClosedException e) {
                        assertSame(boom, e.getCause());
                        break;
                    }
                }
            }
            assertEquals(1, got);
        });
    }

    @Test
    void badArguments() throws Exception {
        Channel<Integer> in = Channel.rendezvous();
        PipeFixtures.inScope(scope -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipelines.fanOut(scope, in, 0, 1));
            assertTrue(e.getMessage().contains("outputs"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Pipelines.fanOut(scope, in, 2, -1));
            assertThrows(NullPointerException.class, () -> Pipelines.fanOut(scope, null, 2, 1));
        });
    }
}
