package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelInterruptedException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Cancellation reaches a coroutine wherever it is blocked, and its result says so. */
class CancellationTest {

    /**
     * Spawns {@code body}, waits until its thread is parked inside {@code method}, cancels it,
     * and returns what the body threw when it stopped.
     */
    private static Throwable cancelWhileBlockedIn(String method, Callable<?> body) throws Exception {
        Channel<Thread> thread = Channel.buffered(1);
        Coroutine<?> c = Coroutines.spawn(() -> {
            thread.send(Thread.currentThread());
            return body.call();
        });
        TestSupport.awaitBlockedIn(thread.receive(), method);
        assertFalse(c.isDone());
        assertTrue(c.cancel());
        assertTrue(c.join(Duration.ofSeconds(10)), "cancelled coroutine did not stop");
        assertEquals(Coroutine.State.CANCELLED, c.state());
        CancellationException e = assertThrows(CancellationException.class, c::result);
        return e.getCause();
    }

    @Test
    void blockedInSend() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Throwable cause = cancelWhileBlockedIn("send", () -> {
            ch.send("never taken");
            return null;
        });
        assertInstanceOf(InterruptedException.class, cause);
        assertTrue(ch.tryReceive().isEmpty(), "an interrupted send sent nothing");
    }

    @Test
    void blockedInSendOnAFullBufferedChannel() throws Exception {
        Channel<String> ch = Channel.buffered(1);
        ch.send("fills it");
        Throwable cause = cancelWhileBlockedIn("send", () -> {
            ch.send("never taken");
            return null;
        });
        assertInstanceOf(InterruptedException.class, cause);
        assertEquals("fills it", ch.receive());
        assertTrue(ch.tryReceive().isEmpty());
    }

    @Test
    void blockedInReceive() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("receive", ch::receive));
    }

    @Test
    void blockedInTimedReceive() throws Exception {
        Channel<String> ch = Channel.buffered(4);
        assertInstanceOf(InterruptedException.class,
                cancelWhileBlockedIn("receive", () -> ch.receive(Duration.ofMinutes(10))));
    }

    @Test
    void blockedInIteration() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Throwable cause = cancelWhileBlockedIn("hasNext", () -> {
            for (String s : ch) {
                fail("got " + s);
            }
            return null;
        });
        assertInstanceOf(ChannelInterruptedException.class, cause);
    }

    @Test
    void blockedInSleep() throws Exception {
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("sleep", () -> {
            Thread.sleep(Duration.ofMinutes(10));
            return null;
        }));
    }

    @Test
    void blockedInJoin() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Coroutine<Void> other = Coroutines.spawn(() -> {
            never.await();
            return null;
        });
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("awaitDone", () -> {
            other.join();
            return null;
        }));
        assertFalse(other.isDone());
        other.cancel();
        other.join();
    }

    @Test
    void blockedInResult() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Coroutine<Void> other = Coroutines.spawn(() -> {
            never.await();
            return null;
        });
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("result", other::result));
        other.cancel();
    }

    @Test
    void blockedInEventAwait() throws Exception {
        Event e = new Event();
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("receiveCatching", () -> {
            e.await();
            return null;
        }));
        assertFalse(e.isSet());
    }

    @Test
    void blockedInWaitGroupAwait() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("await", () -> {
            wg.await();
            return null;
        }));
    }

    @Test
    void blockedInGather() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Coroutine<Void> other = Coroutines.spawn(() -> {
            never.await();
            return null;
        });
        assertInstanceOf(InterruptedException.class, cancelWhileBlockedIn("receive", () -> Coroutines.gather(other)));
        other.join();
        assertTrue(other.isCancelled(), "gather cancels what it gathers when it is interrupted");
    }

    @Test
    void blockedInTimerReceive() throws Exception {
        assertInstanceOf(InterruptedException.class,
                cancelWhileBlockedIn("receive", () -> Timers.after(Duration.ofHours(1)).receive()));
    }

    @Test
    void cancelBeforeStartNeverRunsTheBody() throws Exception {
        // a pool that holds tasks until we let it run them
        CountDownLatch gate = new CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            pool.execute(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
            Coroutine<Void> c = Coroutines.spawner(pool).spawn(() -> ran.set(true));
            assertTrue(c.cancel());
            assertTrue(c.isDone(), "a coroutine not started yet is done at once");
            assertEquals(Coroutine.State.CANCELLED, c.state());
            gate.countDown();
            // a later task on the same single thread runs after the cancelled one was skipped
            Coroutines.spawner(pool).spawn(() -> 1).join();
            assertFalse(ran.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
