package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ReceiveChannel#receiveBatch(int)}: waits for one, takes what is there up to the limit, in order. */
class ReceiveBatchTest {

    @Test
    void takesWhatIsBufferedUpToTheLimitInOrder() throws Exception {
        Channel<Integer> ch = Channel.buffered(16);
        for (int i = 0; i < 10; i++) {
            ch.send(i);
        }
        assertEquals(List.of(0, 1, 2, 3), ch.receiveBatch(4));
        assertEquals(List.of(4, 5, 6, 7, 8, 9), ch.receiveBatch(100));
        assertEquals(0, ch.size());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void waitsForTheFirstElement() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                ch.send("first");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(List.of("first"), ch.receiveBatch(8));
        sender.join();
    }

    @Test
    void closedAndDrainedThrowsAndRejectsBadLimits() throws Exception {
        Channel<Integer> ch = Channel.unbounded();
        ch.send(1);
        ch.close(new IllegalStateException("upstream failed"));
        assertEquals(List.of(1), ch.receiveBatch(5));
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> ch.receiveBatch(5));
        assertEquals("upstream failed", e.getCause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> ch.receiveBatch(0));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void batchesFromConcurrentProducersLoseAndDuplicateNothing() throws Exception {
        Channel<Integer> ch = Channel.buffered(64);
        int producers = 4;
        int perProducer = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < perProducer; i++) {
                        ch.send(base + i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread closer = Thread.ofVirtual().start(() -> {
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    return;
                }
            }
            ch.close();
        });
        boolean[] seen = new boolean[producers * perProducer];
        int[] lastPerProducer = new int[producers];
        java.util.Arrays.fill(lastPerProducer, -1);
        int total = 0;
        while (true) {
            List<Integer> batch;
            try {
                batch = ch.receiveBatch(50);
            } catch (ChannelClosedException done) {
                break;
            }
            assertTrue(batch.size() >= 1 && batch.size() <= 50);
            for (int v : batch) {
                assertTrue(!seen[v], "duplicate " + v);
                seen[v] = true;
                int p = v / perProducer;
                assertTrue(v > lastPerProducer[p], "per-producer order broken at " + v);
                lastPerProducer[p] = v;
                total++;
            }
        }
        closer.join();
        assertEquals(producers * perProducer, total);
    }
}
