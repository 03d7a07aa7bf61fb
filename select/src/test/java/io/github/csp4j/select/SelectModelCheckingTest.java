package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendResult;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck model checking of blocking selects on rendezvous channels, with platform threads
 * started inside the checked code (Lincheck's general-purpose mode: it explores the
 * interleavings, including parking with LockSupport, and reports deadlocks and hangs). Two
 * selects that could pair either way pair exactly one way and never deadlock; a select that
 * sends and receives on one channel never pairs with itself; a select woken by one of two
 * partners takes exactly one element; an interrupt racing a partner is exactly once.
 */
@Timeout(120)
class SelectModelCheckingTest {
    /** Interleavings explored per test: enough to cover these tiny scenarios, small enough to run in seconds. */
    private static final int INVOCATIONS = 120;

    @Test
    void twoSelectsThatCanPairEitherWayPairExactlyOnceWithoutDeadlock() {
        Lincheck.runConcurrentTest(INVOCATIONS / 2, () -> { // the costliest: both threads register and spin
            Channel<Integer> r1 = Channel.rendezvous();
            Channel<Integer> r2 = Channel.rendezvous();
            AtomicReference<String> b = new AtomicReference<>();
            Thread other = new Thread(() -> b.set(call(() -> Select.select(
                    onSend(r2, 2, () -> "B sent 2"), onReceive(r1, v -> "B received " + v)))));
            other.start();
            String a = call(() -> Select.select(onSend(r1, 1, () -> "A sent 1"), onReceive(r2, v -> "A received " + v)));
            join(other);
            String pair = a + ", " + b.get();
            assertTrue(Set.of("A sent 1, B received 1", "A received 2, B sent 2").contains(pair), pair);
        });
    }

    @Test
    void sendAndReceiveSelectNeverPairsWithItself() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            Channel<Integer> r = Channel.rendezvous();
            AtomicReference<String> a = new AtomicReference<>();
            Thread selecting = new Thread(() -> a.set(call(() -> Select.select(
                    onSend(r, 1, () -> "sent"), onReceive(r, v -> "received " + v)))));
            selecting.start();
            int got = call(r::receive);
            join(selecting);
            assertEquals(1, got);
            assertEquals("sent", a.get());
        });
    }

    @Test
    void selectWokenByOneOfTwoSendersTakesExactlyOne() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            Channel<Integer> r1 = Channel.rendezvous();
            Channel<Integer> r2 = Channel.rendezvous();
            AtomicReference<SendResult> s1 = new AtomicReference<>();
            Thread sender = new Thread(() -> s1.set(r1.trySend(1)));
            sender.start();
            AtomicReference<Integer> got = new AtomicReference<>();
            Thread selecting = new Thread(() -> got.set(call(() -> Select.select(onReceive(r1, v -> v), onReceive(r2, v -> v)))));
            selecting.start();
            join(sender);
            if (s1.get() != SendResult.SENT) { // the try-send missed the select: feed the other clause
                call(() -> {
                    r2.send(2);
                    return null;
                });
            }
            join(selecting);
            assertEquals(s1.get() == SendResult.SENT ? 1 : 2, got.get());
        });
    }

    /**
     * Uses Lincheck's internal entry point to raise the loop bound: a waiter spins up to 256
     * iterations (Parking.SPINS) before it parks, which is bounded, but above Lincheck's default
     * bound of 50, so when the interrupted select is the last thread left Lincheck would misreport
     * its spin as a livelock.
     */
    @Test
    void interruptRacingASenderIsExactlyOnce() {
        LincheckSettings settings = new LincheckSettings(true, 10, 1000, 20);
        Lincheck.runConcurrentTestInternal$lincheck(INVOCATIONS, settings, () -> {
            Channel<Integer> r = Channel.rendezvous();
            AtomicReference<String> outcome = new AtomicReference<>();
            Thread selecting = new Thread(() -> {
                try {
                    int v = Select.select(onReceive(r, x -> x));
                    outcome.set("received " + v);
                } catch (InterruptedException e) {
                    outcome.set("interrupted");
                }
            });
            selecting.start();
            AtomicReference<SendResult> sent = new AtomicReference<>();
            Thread sender = new Thread(() -> sent.set(r.trySend(1)));
            sender.start();
            selecting.interrupt();
            join(sender);
            join(selecting);
            assertEquals(sent.get() == SendResult.SENT ? "received 1" : "interrupted", outcome.get());
        });
    }

    private static <T> T call(Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
