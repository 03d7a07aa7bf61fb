package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CoroutineTest {

    @Test
    void callableResultAndState() throws Exception {
        Coroutine<Integer> c = Coroutines.spawn(() -> 6 * 7);
        assertEquals(42, c.result());
        assertTrue(c.isDone());
        assertFalse(c.isCancelled());
        assertEquals(Coroutine.State.SUCCEEDED, c.state());
        assertTrue(c.failure().isEmpty());
        assertEquals(42, c.resultNow());
    }

    @Test
    void runnableResultIsNull() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Coroutine<Void> c = Coroutines.spawn(() -> ran.set(true));
        c.join();
        assertTrue(ran.get());
        assertNull(c.result());
    }

    @Test
    void runsOnAVirtualThreadNamedAsAsked() throws Exception {
        Coroutine<Thread> c = Coroutines.spawn("worker-7", Thread::currentThread);
        Thread t = c.result();
        assertTrue(t.isVirtual());
        assertEquals("worker-7", t.getName());
        assertEquals("worker-7", c.name());
        assertTrue(c.toString().contains("worker-7"));
        assertEquals("", Coroutines.spawn(() -> 1).name());
        String[] seen = new String[1];
        Coroutine<Void> r = Coroutines.spawn("named-runnable", () -> {
            seen[0] = Thread.currentThread().getName();
        });
        r.join();
        assertEquals("named-runnable", seen[0]);
    }

    @Test
    void failureIsWrappedWithTheOriginalAsCause() throws Exception {
        IOException boom = new IOException("boom");
        Coroutine<String> c = Coroutines.spawner(new Uncaught().virtual).spawn(() -> {
            throw boom;
        });
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, c::result);
        assertSame(boom, e.getCause());
        assertSame(boom, c.failure().orElseThrow());
        assertEquals(Coroutine.State.FAILED, c.state());
        assertThrows(CoroutineFailedException.class, c::resultNow);
    }

    @Test
    void joinWithTimeoutSaysWhetherItFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coroutine<Void> c = Coroutines.spawn(() -> {
            release.await();
            return null;
        });
        assertFalse(c.join(Duration.ofMillis(20)));
        assertFalse(c.join(Duration.ZERO));
        assertFalse(c.isDone());
        assertEquals(Coroutine.State.RUNNING, c.state());
        assertThrows(IllegalStateException.class, c::resultNow);
        assertTrue(c.failure().isEmpty());
        release.countDown();
        assertTrue(c.join(Duration.ofSeconds(10)));
        assertTrue(c.join(Duration.ZERO));
    }

    @Test
    void manyTimedJoinsLeaveNoGarbageAndAllJoinersWake() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coroutine<Void> c = Coroutines.spawn(() -> {
            release.await();
            return null;
        });
        for (int i = 0; i < 200; i++) {
            assertFalse(c.join(Duration.ofNanos(1000)));
        }
        Coroutine<?>[] joiners = new Coroutine<?>[50];
        for (int i = 0; i < joiners.length; i++) {
            joiners[i] = Coroutines.spawn(() -> {
                c.join();
                return c.isDone();
            });
        }
        release.countDown();
        for (Coroutine<?> j : joiners) {
            assertEquals(true, j.result());
        }
    }

    @Test
    void cancelInterruptsAndResultSaysCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Coroutine<String> c = Coroutines.spawn(() -> {
            started.countDown();
            Thread.sleep(Duration.ofMinutes(10));
            return "never";
        });
        started.await();
        assertTrue(c.cancel());
        assertTrue(c.isCancelled());
        assertFalse(c.cancel(), "second cancel");
        c.join();
        assertEquals(Coroutine.State.CANCELLED, c.state());
        CancellationException e = assertThrows(CancellationException.class, c::result);
        assertInstanceOf(InterruptedException.class, e.getCause(), "cause is what the body threw");
        assertTrue(c.failure().isEmpty());
        assertFalse(c.cancel());
    }

    @Test
    void cancelledCountsEvenIfTheBodyIgnoresTheInterruptAndReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Coroutine<String> c = Coroutines.spawn(() -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException ignored) {
                interrupted.countDown();
            }
            proceed.await();
            return "ignored the interrupt";
        });
        started.await();
        assertTrue(c.cancel());
        interrupted.await();
        assertTrue(c.isCancelled());
        assertFalse(c.isDone(), "done means the body has exited");
        assertEquals(Coroutine.State.RUNNING, c.state());
        assertFalse(c.join(Duration.ofMillis(10)));
        proceed.countDown();
        c.join();
        assertEquals(Coroutine.State.CANCELLED, c.state());
        CancellationException e = assertThrows(CancellationException.class, c::result);
        assertNull(e.getCause());
    }

    @Test
    void cancellingADoneCoroutineDoesNothing() throws Exception {
        Coroutine<Integer> c = Coroutines.spawn(() -> 1);
        c.join();
        assertFalse(c.cancel());
        assertFalse(c.isCancelled());
        assertEquals(1, c.result());
    }

    @Test
    void joinAnswersInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coroutine<Void> blocked = Coroutines.spawn(() -> {
            release.await();
            return null;
        });
        Channel<Throwable> seen = Channel.buffered(1);
        Coroutine<Void> joiner = Coroutines.spawn(() -> {
            try {
                blocked.join();
                seen.send(new AssertionError("join returned"));
            } catch (InterruptedException e) {
                seen.send(e);
            }
            return null;
        });
        FailureReportingTest.awaitJoinerParked(blocked);
        joiner.cancel();
        assertInstanceOf(InterruptedException.class, seen.receive(Duration.ofSeconds(10)));
        assertFalse(blocked.isDone(), "interrupting a joiner does not cancel the joined");
        release.countDown();
        blocked.join();
    }

    @Test
    void worksFromPlatformThreads() throws Exception {
        Uncaught u = new Uncaught();
        Spawner platform = Coroutines.spawner(u.platform);
        Coroutine<Boolean> c = platform.spawn(() -> Thread.currentThread().isVirtual());
        assertEquals(false, c.result());
        Channel<Integer> ch = Channel.rendezvous();
        Coroutine<Integer> receiver = platform.spawn(() -> ch.receive());
        ch.send(5);
        assertEquals(5, receiver.result());
    }
}
