package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitGroupTest {

    @Test
    void awaitReturnsWhenAllAreDone() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.await(); // zero: at once
        AtomicInteger done = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 100; i++) {
            wg.add(1);
            Coroutines.spawn(() -> {
                try {
                    go.await();
                    done.incrementAndGet();
                } finally {
                    wg.done();
                }
                return null;
            });
        }
        assertEquals(100, wg.count());
        assertFalse(wg.await(Duration.ofMillis(10)));
        go.countDown();
        wg.await();
        assertEquals(100, done.get());
        assertEquals(0, wg.count());
        assertTrue(wg.await(Duration.ZERO));
    }

    @Test
    void reusableAndAddAcceptsNegativeDeltas() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(3);
        Coroutine<Boolean> waiter = Coroutines.spawn(() -> wg.await(Duration.ofSeconds(30)));
        wg.add(-2);
        assertFalse(waiter.isDone() && !waiter.result());
        wg.done();
        assertTrue(waiter.result());
        wg.add(1);
        wg.done();
        wg.await();
    }

    @Test
    void negativeCounterIsAnErrorNamingTheCount() {
        WaitGroup wg = new WaitGroup();
        IllegalStateException e = assertThrows(IllegalStateException.class, wg::done);
        assertTrue(e.getMessage().contains("negative") && e.getMessage().contains("-1"), e.getMessage());
        wg.add(2);
        e = assertThrows(IllegalStateException.class, () -> wg.add(-5));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("-3"), e.getMessage());
        assertEquals(2, wg.count(), "unchanged after the error");
        assertTrue(wg.toString().contains("2"));
    }
}
