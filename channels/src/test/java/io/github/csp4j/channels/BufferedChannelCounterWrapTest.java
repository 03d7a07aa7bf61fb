package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The buffered channel's per-side counters wrap at 2<sup>40</sup> (about a day of sending at full
 * speed). These tests start both counters a few elements before the wrap and check that size,
 * full, empty, order, close and cancel stay right across it.
 */
@Timeout(60)
class BufferedChannelCounterWrapTest {
    private static final long JUST_BEFORE_WRAP = (1L << 40) - 5;

    private static BufferedChannel<Integer> channel(int capacity, List<Integer> undelivered) {
        return new BufferedChannel<>(ChannelKind.BUFFERED, capacity, undelivered::add, false, false, JUST_BEFORE_WRAP);
    }

    @Test
    void sizeFullEmptyAndOrderHoldAcrossTheWrap() {
        BufferedChannel<Integer> ch = channel(4, new ArrayList<>());
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 10; round++) { // 10 x 4 elements: the counters cross the wrap in round 2
            for (int i = 0; i < 4; i++) {
                assertEquals(SendResult.SENT, ch.trySend(next++));
                assertEquals(i + 1, ch.size());
            }
            assertEquals(SendResult.FULL, ch.trySend(-1), "full at capacity in round " + round);
            for (int i = 0; i < 4; i++) {
                assertEquals(expected++, ch.tryReceive().value());
            }
            assertTrue(ch.tryReceive().isEmpty(), "empty after draining in round " + round);
            assertEquals(0, ch.size());
        }
    }

    @Test
    void closeDrainsAndCancelDiscardsAcrossTheWrap() {
        List<Integer> undelivered = new ArrayList<>();
        BufferedChannel<Integer> closed = channel(8, undelivered);
        for (int i = 0; i < 8; i++) {
            closed.trySend(i); // the send counter wraps during these sends
        }
        closed.close();
        for (int i = 0; i < 8; i++) {
            assertEquals(i, closed.tryReceive().value());
        }
        assertTrue(closed.tryReceive().isClosed());
        assertTrue(closed.isClosedForReceive());

        BufferedChannel<Integer> cancelled = channel(8, undelivered);
        for (int i = 0; i < 7; i++) {
            cancelled.trySend(100 + i);
        }
        cancelled.tryReceive();
        cancelled.cancel();
        assertEquals(List.of(101, 102, 103, 104, 105, 106), undelivered);
        assertEquals(0, cancelled.size());
    }

    /** Blocking sends and receives across the wrap: every element arrives once, in order. */
    @Test
    void blockingTransferAcrossTheWrap() throws Exception {
        BufferedChannel<Integer> ch = channel(2, new ArrayList<>());
        int n = 10_000;
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    ch.send(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(i, ch.receive(Duration.ofSeconds(30)));
        }
        producer.join();
        assertEquals(0, ch.size());
    }
}
