package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void setWakesEveryWaiter() throws Exception {
        Event e = new Event();
        assertFalse(e.isSet());
        List<Coroutine<Boolean>> waiters = new ArrayList<>();
        Channel<Thread> threads = Channel.unbounded();
        for (int i = 0; i < 20; i++) {
            waiters.add(Coroutines.spawn(() -> {
                threads.send(Thread.currentThread());
                e.await();
                return e.isSet();
            }));
        }
        for (int i = 0; i < 20; i++) {
            TestSupport.awaitBlockedIn(threads.receive(), "await");
        }
        e.set();
        assertTrue(e.isSet());
        for (Coroutine<Boolean> w : waiters) {
            assertTrue(w.result());
        }
        e.await(); // set: returns at once
        assertTrue(e.await(Duration.ZERO));
    }

    @Test
    void awaitWithTimeout() throws Exception {
        Event e = new Event();
        assertFalse(e.await(Duration.ofMillis(20)));
        assertFalse(e.await(Duration.ZERO));
        Coroutine<Boolean> w = Coroutines.spawn(() -> e.await(Duration.ofSeconds(30)));
        e.set();
        assertTrue(w.result());
    }

    @Test
    void clearMakesLaterWaitersWait() throws Exception {
        Event e = new Event();
        e.set();
        e.clear();
        assertFalse(e.isSet());
        assertFalse(e.await(Duration.ofMillis(10)));
        e.clear(); // idempotent
        e.set();
        e.set(); // idempotent
        assertTrue(e.await(Duration.ofMillis(10)));
    }

    @Test
    void aWaiterPresentAtSetWakesEvenIfClearedRightAway() throws Exception {
        Event e = new Event();
        Thread[] t = new Thread[1];
        Coroutine<Boolean> w = Coroutines.spawn(() -> {
            t[0] = Thread.currentThread();
            return e.await(Duration.ofMinutes(1));
        });
        while (t[0] == null) {
            Thread.onSpinWait();
        }
        TestSupport.awaitBlockedIn(t[0], "await");
        e.set();
        e.clear();
        assertTrue(w.result());
        assertFalse(e.isSet());
    }

    @Test
    void asChannelCompletesAsClosedWhenSet() throws Exception {
        Event e = new Event();
        ReceiveChannel<Void> ch = e.asChannel();
        assertTrue(ch.tryReceive().isEmpty());
        assertNull(ch.receive(Duration.ofMillis(5)));
        Coroutine<Boolean> w = Coroutines.spawn(() -> ch.receiveCatching().isClosed());
        e.set();
        assertTrue(w.result());
        assertTrue(ch.isClosedForReceive());
        assertTrue(e.asChannel().tryReceive().isClosed());
        assertThrows(UnsupportedOperationException.class, ch::cancel);
        e.clear();
        assertTrue(e.asChannel().tryReceive().isEmpty());
        assertTrue(e.toString().contains("not set"));
    }
}
