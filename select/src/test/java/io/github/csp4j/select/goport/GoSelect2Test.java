package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/select2.go: selects do not consume undue memory.
 *
 * <p>A sender sends 100,000 values on an unbuffered channel; the receiver takes each with a
 * select over that channel and a "dummy" channel that never becomes ready, so that almost every
 * select registers on both channels and then has to unlink its node from the dummy. After a
 * warm-up round, a second round must not grow the heap by more than a small bound, and the dummy
 * channel must have no receiver queued (a losing clause left behind would show there first).
 * Go's bound is 110 kB for 100,000 selects; a JVM heap measurement is noisier, so we allow 4 MB,
 * well below what one leaked wait node per select would take (several MB).
 */
class GoSelect2Test {
    private static final int N = 100_000;
    private static final long ALLOWED_GROWTH = 4L << 20;

    @Test
    void selectsDoNotConsumeUndueMemory() throws Exception {
        Channel<Integer> c = Channel.rendezvous();
        Channel<Integer> dummy = Channel.rendezvous();

        round(c, dummy); // warm up
        long before = usedHeapAfterGc();
        round(c, dummy);
        long after = usedHeapAfterGc();

        assertEquals(0, GoSupport.waitingReceivers(dummy), "nodes left on the dummy channel: " + dummy);
        assertEquals(0, GoSupport.waitingReceivers(c), "nodes left on c: " + c);
        assertTrue(after - before < ALLOWED_GROWTH,
                "too much memory for " + N + " selects: " + (after - before) + " bytes");
    }

    private static void round(Channel<Integer> c, Channel<Integer> dummy) throws Exception {
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < N; i++) {
                    c.send(1);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        for (int i = 0; i < N; i++) {
            Select.select(
                    Select.onReceive(c, v -> v),
                    Select.onReceive(dummy, v -> {
                        throw new AssertionError("dummy");
                    }));
        }
        GoSupport.join(sender);
    }

    /** Used heap after a few collections, the smallest of several readings. */
    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            min = Math.min(min, rt.totalMemory() - rt.freeMemory());
        }
        return min;
    }
}
