package io.github.csp4j.channels.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link Backoff}: a wait on another thread's step must let that thread run, even when it is a
 * virtual thread queued behind many waiters, and even when the waiters are interrupted.
 */
class BackoffTest {
    /** How long the awaited thread may take to run; it runs within milliseconds unless starved. */
    private static final Duration STARVED = Duration.ofSeconds(20);

    /**
     * Proves that waiters in {@link Backoff#awaitStep} do not starve the thread they wait for.
     * Virtual threads started from a virtual thread sit in the carriers' own queues and wait for
     * a flag; the thread that sets it is started from a platform thread, so it goes to the
     * scheduler's shared queue. Waiters that only yielded would keep every carrier busy with its
     * own queue and the flag would never be set (a 4 x 4 stress run hung so); waiters that end
     * up parking leave the carriers free.
     */
    @Test
    void waitersLetTheAwaitedVirtualThreadRun() throws Exception {
        assertTrue(awaitedThreadRunsDespite(false), "the awaited virtual thread never ran: the waiters starved it");
    }

    /**
     * The same with waiters that are interrupted before and during their wait: their parks would
     * return at once, and an earlier version let them yield instead, which starved the awaited
     * thread exactly as above (a stress test whose chaos thread interrupts everyone hung so).
     */
    @Test
    void interruptedWaitersLetTheAwaitedVirtualThreadRun() throws Exception {
        assertTrue(awaitedThreadRunsDespite(true), "the awaited virtual thread never ran: interrupted waiters starved it");
    }

    /** A waiter that is interrupted keeps its interrupt status through the parks of a long wait. */
    @Test
    void awaitStepKeepsTheInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < 200; i++) {
                Backoff.awaitStep(i);
                assertTrue(Thread.currentThread().isInterrupted(), "interrupt status lost in round " + i);
            }
        } finally {
            Thread.interrupted();
        }
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private static boolean awaitedThreadRunsDespite(boolean interrupted) throws InterruptedException {
        int waiters = 4 * Runtime.getRuntime().availableProcessors();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> started = new ArrayList<>();
        CountDownLatch allWaiting = new CountDownLatch(waiters);
        Thread starter = Thread.ofVirtual().start(() -> {
            for (int w = 0; w < waiters; w++) {
                started.add(Thread.ofVirtual().start(() -> {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    allWaiting.countDown();
                    for (int i = 0; !done.get(); i++) {
                        Backoff.awaitStep(i);
                    }
                }));
            }
        });
        starter.join();
        allWaiting.await();
        if (interrupted) {
            for (Thread t : started) {
                t.interrupt(); // again, mid-wait
            }
        }
        Thread awaited = Thread.ofVirtual().start(() -> done.set(true));
        boolean ran = awaited.join(STARVED);
        done.set(true); // lets the waiters end even when the awaited thread starved
        for (Thread t : started) {
            t.join();
        }
        return ran;
    }
}
