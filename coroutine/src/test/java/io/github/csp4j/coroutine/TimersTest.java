package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.ReceiveChannel;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TimersTest {

    @Test
    void afterDeliversOneTickAfterTheDelay() throws Exception {
        long t0 = System.nanoTime();
        Instant before = Instant.now();
        ReceiveChannel<Instant> t = Timers.after(Duration.ofMillis(50));
        Instant tick = t.receive();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 45, "ticked after " + ms + " ms");
        assertFalse(tick.isBefore(before));
        assertNull(t.receive(Duration.ofMillis(20)), "only one tick");
        assertNotNull(Timers.after(Duration.ZERO).receive());
    }

    @Test
    void cancellingAnAfterReleasesItsTimer() {
        int before = Timers.pendingTimers();
        ReceiveChannel<Instant> t = Timers.after(Duration.ofHours(1));
        assertEquals(before + 1, Timers.pendingTimers());
        assertTrue(t.cancel());
        assertEquals(before, Timers.pendingTimers());
        assertTrue(t.isClosedForReceive());
    }

    @Test
    void tickerTicksUntilStoppedAndStoppingReleasesTheTask() throws Exception {
        int before = Timers.pendingTimers();
        List<Instant> ticks = new ArrayList<>();
        try (Ticker ticker = Timers.ticker(Duration.ofMillis(10))) {
            assertEquals(before + 1, Timers.pendingTimers());
            for (Instant t : ticker.channel()) {
                ticks.add(t);
                if (ticks.size() == 3) {
                    break;
                }
            }
            assertFalse(ticker.isStopped());
            assertTrue(ticker.stop());
            assertFalse(ticker.stop());
            assertTrue(ticker.isStopped());
        }
        assertEquals(before, Timers.pendingTimers());
        for (int i = 1; i < ticks.size(); i++) {
            assertFalse(ticks.get(i).isBefore(ticks.get(i - 1)));
        }
    }

    @Test
    void stoppingClosesTheChannelSoLoopsEnd() throws Exception {
        Ticker ticker = Timers.ticker(Duration.ofHours(1));
        Thread[] t = new Thread[1];
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<Integer> loop = Coroutines.spawn(() -> {
            t[0] = Thread.currentThread();
            started.countDown();
            int n = 0;
            for (Instant ignored : ticker.channel()) {
                n++;
            }
            return n;
        });
        started.await();
        TestSupport.awaitBlockedIn(t[0], "hasNext");
        ticker.close();
        assertEquals(0, loop.result());
        assertEquals(Duration.ofHours(1), ticker.period());
    }

    @Test
    void cancellingTheTickerChannelStopsIt() {
        Ticker ticker = Timers.ticker(Duration.ofHours(1));
        assertTrue(ticker.channel().cancel());
        assertTrue(ticker.isStopped());
    }

    @Test
    void aSlowReceiverMissesTicksInsteadOfQueueingThem() throws Exception {
        Ticker ticker = Timers.ticker(Duration.ofMillis(2));
        ticker.channel().receive();
        // let ~25 periods pass without receiving (the passing of time is what is tested)
        Timers.after(Duration.ofMillis(50)).receive();
        ticker.stop(); // closes the channel: what is buffered now is all there will ever be
        assertEquals(1, ticker.channel().stream().count(), "exactly one tick waited, the rest were dropped");
    }

    @Test
    void manyPendingTimersShareOneThread() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        int pendingBefore = Timers.pendingTimers();
        List<ReceiveChannel<Instant>> timers = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            timers.add(Timers.after(Duration.ofHours(1).plusMillis(i)));
        }
        assertEquals(pendingBefore + 100_000, Timers.pendingTimers());
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(threadsAfter - threadsBefore <= 1, "threads: " + threadsBefore + " -> " + threadsAfter);
        for (ReceiveChannel<Instant> t : timers) {
            t.cancel();
        }
        assertEquals(pendingBefore, Timers.pendingTimers());
    }
}
