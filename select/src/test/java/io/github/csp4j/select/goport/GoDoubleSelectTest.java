package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.select.Select;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of golang/go test/chan/doubleselect.go: two cases of one select must never both run.
 *
 * <p>A sender sends the counter {@code i} with one select over four channels; four "mux"
 * goroutines forward whatever they receive onto one channel, and the receiver checks that no
 * value arrives twice. If two send clauses of one select completed, the same value would arrive
 * on two channels. We also check what the Go program leaves implicit: every value arrives (none
 * is lost). Go runs it on unbuffered channels; we add a buffered(1) variant, where a select's
 * send can complete through the buffer rather than through a waiting receiver.
 *
 * <p>Scaled down from Go's 100,000 iterations to 20,000 (two shared cores).
 */
class GoDoubleSelectTest {
    private static final int ITERATIONS = 20_000;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void noValueIsDeliveredTwice(int capacity) throws Exception {
        List<Channel<Integer>> cs = List.of(Channel.buffered(capacity), Channel.buffered(capacity),
                Channel.buffered(capacity), Channel.buffered(capacity));
        Channel<Integer> cmux = Channel.buffered(capacity);
        AtomicInteger muxesLeft = new AtomicInteger(cs.size());
        try (GoScope scope = new GoScope()) {
            scope.go(() -> sender(ITERATIONS, cs));
            for (Channel<Integer> c : cs) {
                scope.go(() -> mux(cmux, c, muxesLeft));
            }
            BitSet seen = new BitSet(ITERATIONS);
            int received = 0;
            for (int v : cmux) { // ends when the last mux closes cmux
                assertTrue(!seen.get(v), "got duplicate value: " + v);
                seen.set(v);
                received++;
            }
            assertEquals(ITERATIONS, received, "values received");
            assertEquals(ITERATIONS, seen.cardinality());
            scope.checkFailures();
        }
    }

    /** Sends 0..n-1, each with one select over the four channels; then closes them. */
    private static void sender(int n, List<? extends SendChannel<Integer>> cs) throws InterruptedException {
        try {
            for (int i = 0; i < n; i++) {
                Integer v = i;
                Select.select(
                        Select.onSend(cs.get(0), v, () -> 0),
                        Select.onSend(cs.get(1), v, () -> 1),
                        Select.onSend(cs.get(2), v, () -> 2),
                        Select.onSend(cs.get(3), v, () -> 3));
            }
        } finally {
            cs.forEach(SendChannel::close);
        }
    }

    /** Forwards {@code in} to {@code out}; the last mux to finish closes {@code out}. */
    private static void mux(SendChannel<Integer> out, ReceiveChannel<Integer> in, AtomicInteger muxesLeft)
            throws InterruptedException {
        for (int v : in) {
            out.send(v);
        }
        if (muxesLeft.decrementAndGet() == 0) {
            out.close();
        }
    }
}
