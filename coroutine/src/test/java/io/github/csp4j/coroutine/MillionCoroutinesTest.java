package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Many coroutines blocked at once on one channel, then all released and joined. 100,000 by
 * default; run with {@code -Dcsp4j.blockedCoroutines=1000000} for the million:
 * {@code mvn -B test -pl coroutine -am -Dtest=MillionCoroutinesTest -Dsurefire.failIfNoSpecifiedTests=false -Dcsp4j.blockedCoroutines=1000000}.
 */
class MillionCoroutinesTest {
    private static final Pattern WAITING = Pattern.compile("waiting receivers=(\\d+)");

    @Test
    void manyCoroutinesBlockedInReceiveThenReleased() throws Exception {
        int n = Integer.getInteger("csp4j.blockedCoroutines", 100_000);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        Channel<Integer> ch = Channel.rendezvous();
        @SuppressWarnings("unchecked")
        Coroutine<Integer>[] cs = new Coroutine[n];
        for (int i = 0; i < n; i++) {
            cs[i] = Coroutines.spawn(() -> ch.receive());
        }
        long spawned = System.nanoTime();
        awaitWaitingReceivers(ch, n);
        long blocked = System.nanoTime();
        long heapBlocked = usedHeap();
        for (int i = 0; i < n; i++) {
            ch.send(i);
        }
        long sum = 0;
        for (Coroutine<Integer> c : cs) {
            sum += c.result();
        }
        long t1 = System.nanoTime();
        assertEquals((long) n * (n - 1) / 2, sum, "every coroutine received exactly one value");
        for (Coroutine<Integer> c : cs) {
            assertEquals(Coroutine.State.SUCCEEDED, c.state());
        }
        System.out.printf("%,d coroutines: spawn %d ms, all blocked after %d ms, released and joined after %d ms"
                        + " (total %d ms); heap used while blocked %,d MB, peak heap %,d MB, max heap %,d MB%n",
                n, ms(spawned - t0), ms(blocked - t0), ms(t1 - blocked), ms(t1 - t0),
                heapBlocked >> 20, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void awaitWaitingReceivers(Channel<?> ch, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (;;) {
            Matcher m = WAITING.matcher(ch.toString());
            assertTrue(m.find(), "channel toString no longer shows waiting receivers: " + ch);
            if (Integer.parseInt(m.group(1)) == n) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("not all blocked: " + ch);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += p.getUsage().getUsed();
            }
        }
        return used;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
