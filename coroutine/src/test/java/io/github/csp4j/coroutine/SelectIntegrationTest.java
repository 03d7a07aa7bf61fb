package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Events, timers and generators as select clauses, and cancellation of a coroutine in a select. */
class SelectIntegrationTest {

    @Test
    void eventIsASelectClause() throws Exception {
        Event stop = new Event();
        Channel<String> jobs = Channel.rendezvous();
        Thread[] t = new Thread[1];
        Coroutine<String> c = Coroutines.spawn(() -> {
            t[0] = Thread.currentThread();
            return Select.select(
                    Select.onReceive(jobs, j -> "job " + j),
                    stop.onSet(() -> "stopped"));
        });
        while (t[0] == null) {
            Thread.onSpinWait();
        }
        TestSupport.awaitBlockedIn(t[0], "select");
        stop.set();
        assertEquals("stopped", c.result());
        // set: the clause is ready at once, but a ready channel clause can win too
        jobs.close();
        assertEquals("stopped", Select.select(stop.onSet(() -> "stopped"),
                Select.onTimeout(Duration.ofSeconds(10), () -> "timeout")));
    }

    @Test
    void unsetEventClauseDoesNotFire() throws Exception {
        Event e = new Event();
        assertEquals("default", Select.select(e.onSet(() -> "set"), Select.onDefault(() -> "default")));
        assertEquals("timeout", Select.select(e.onSet(() -> "set"),
                Select.onTimeout(Duration.ofMillis(10), () -> "timeout")));
        e.set();
        e.clear();
        assertEquals("default", Select.select(e.onSet(() -> "set"), Select.onDefault(() -> "default")));
        assertThrows(NullPointerException.class, () -> e.onSet(null));
    }

    @Test
    void timerAndGeneratorChannelsInASelect() throws Exception {
        ReceiveChannel<Integer> gen = Coroutines.produce(out -> {
            out.send(1);
            Thread.sleep(Duration.ofMinutes(10));
        });
        SelectClause<String> fromGen = Select.onReceive(gen, x -> "gen " + x);
        assertEquals("gen 1", Select.select(fromGen,
                Select.onReceive(Timers.after(Duration.ofMinutes(5)), t -> "timer")));
        ReceiveChannel<java.time.Instant> timer = Timers.after(Duration.ofMillis(20));
        assertEquals("timer", Select.select(Select.onReceive(gen, x -> "gen " + x),
                Select.onReceive(timer, t -> "timer")));
        gen.cancel();
        boolean closed = Select.select(Select.onReceiveCatching(gen, r -> r.isClosed()));
        assertTrue(closed);
    }

    @Test
    void cancellationReachesACoroutineBlockedInSelect() throws Exception {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.buffered(2);
        Event never = new Event();
        Thread[] t = new Thread[1];
        Coroutine<String> c = Coroutines.spawn(() -> {
            t[0] = Thread.currentThread();
            return Select.select(Select.onReceive(a, x -> x), Select.onReceive(b, x -> x),
                    Select.onSend(a, "sent", () -> "sent"), never.onSet(() -> "event"));
        });
        while (t[0] == null) {
            Thread.onSpinWait();
        }
        TestSupport.awaitBlockedIn(t[0], "select");
        assertTrue(c.cancel());
        c.join();
        assertEquals(Coroutine.State.CANCELLED, c.state());
        assertInstanceOf(InterruptedException.class, assertThrows(CancellationException.class, c::result).getCause());
        // the cancelled select took and sent nothing
        b.send("still works");
        assertEquals("still works", b.receive());
        assertTrue(a.tryReceive().isEmpty());
    }
}
