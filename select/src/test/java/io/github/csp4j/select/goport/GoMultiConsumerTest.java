package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go src/runtime/chan_test.go TestMultiConsumer: 23 workers range over one
 * buffered work channel and send results to another; a feeder sends the work, closes the work
 * channel, waits for the workers and closes the results. The consumer must see every result
 * exactly once (count and sum). Workers yield when they get "their" value, to mess with the
 * FIFO-ish nature of range, as Go's do.
 *
 * <p>Scaled down from Go's 271,828 iterations to 100,000.
 */
class GoMultiConsumerTest {
    private static final int NWORK = 23;
    private static final int NITER = 100_000;
    private static final int[] PN = {2, 3, 7, 11, 13, 17, 19, 23, 27, 31};

    @Test
    void multiConsumer() throws Exception {
        Channel<Integer> q = Channel.buffered(NWORK * 3);
        Channel<Integer> r = Channel.buffered(NWORK * 3);
        AtomicInteger workersLeft = new AtomicInteger(NWORK);
        long[] expect = new long[1];
        try (GoScope scope = new GoScope()) {
            Channel<Boolean> workersDone = Channel.rendezvous();
            for (int i = 0; i < NWORK; i++) {
                int w = i;
                scope.go(() -> {
                    for (int v : q) {
                        if (PN[w % PN.length] == v) {
                            Thread.yield(); // mess with the fifo-ish nature of range
                        }
                        r.send(v);
                    }
                    if (workersLeft.decrementAndGet() == 0) {
                        workersDone.close();
                    }
                });
            }
            scope.go(() -> { // feeder and closer
                long sum = 0;
                for (int i = 0; i < NITER; i++) {
                    int v = PN[i % PN.length];
                    sum += v;
                    q.send(v);
                }
                expect[0] = sum;
                q.close(); // no more work
                workersDone.receiveCatching(); // workers done
                r.close(); // so there can be no more results
            });
            int n = 0;
            long s = 0;
            for (int v : r) {
                n++;
                s += v;
            }
            scope.joinAll();
            assertEquals(NITER, n, "results received");
            assertEquals(expect[0], s, "sum of results");
        }
    }
}
