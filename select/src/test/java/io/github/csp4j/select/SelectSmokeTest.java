package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SelectSmokeTest {
    @Test
    void twoProducers() throws Exception {
        for (int cap : new int[] {0, 1, 16}) {
            Channel<Integer> a = Channel.buffered(cap), b = Channel.buffered(cap);
            int n = 100_000;
            Thread pa = Thread.ofVirtual().start(() -> { try { for (int i = 0; i < n; i++) a.send(i); } catch (InterruptedException e) { } a.close(); });
            Thread pb = Thread.ofVirtual().start(() -> { try { for (int i = 0; i < n; i++) b.send(i); } catch (InterruptedException e) { } b.close(); });
            long sum = 0; int got = 0;
            var ca = Select.onReceiveCatching(a, r -> r.isValue() ? (long) r.value() : -1L);
            var cb = Select.onReceiveCatching(b, r -> r.isValue() ? (long) r.value() : -2L);
            var clauses = List.of(ca, cb);
            while (ca.isEnabled() || cb.isEnabled()) {
                long v = Select.select(clauses);
                if (v == -1) ca.when(false); else if (v == -2) cb.when(false); else { sum += v; got++; }
            }
            assertEquals(2 * n, got);
            assertEquals(2L * n * (n - 1) / 2, sum);
            pa.join(); pb.join();
        }
    }

    @Test
    void timeoutAndDefault() throws Exception {
        Channel<Integer> a = Channel.rendezvous();
        assertEquals("t", Select.select(Select.onReceive(a, v -> "v"), Select.onTimeout(Duration.ofMillis(20), () -> "t")));
        assertEquals("d", Select.select(Select.onReceive(a, v -> "v"), Select.onDefault(() -> "d")));
        assertEquals(a.toString(), "Channel[RENDEZVOUS, size=0, waiting receivers=0, waiting senders=0, open]");
    }
}
