package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static io.github.csp4j.select.Select.onTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timeout and default clauses: a timeout fires no earlier than its duration when nothing is
 * ready and leaves no waiter behind; a zero timeout or a default never beats a clause that is
 * ready; a default is taken when nothing is ready and never while another clause was ready
 * throughout; disabled clauses are ignored, and a select with nothing enabled (no timeout, no
 * default) blocks until interrupted; timed selects cost no thread.
 */
@Timeout(30)
class SelectTimeoutAndDefaultTest {
    private static final Duration SHORT = Duration.ofMillis(30);

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void timeoutFiresWhenNothingIsReady(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> full = Channel.rendezvous();
        Async<Long> select = Async.start(thread, () -> {
            long start = System.nanoTime();
            String r = Select.select(onReceive(ch, v -> "received"), onSend(full, 1, () -> "sent"),
                    onTimeout(SHORT, () -> "timeout"));
            assertEquals("timeout", r);
            return System.nanoTime() - start;
        });

        assertTrue(select.get() >= SHORT.toNanos(), "fired before its duration");
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(full);
    }

    @Test
    void selectOfOnlyATimeoutWaitsItsDuration() throws Exception {
        long start = System.nanoTime();
        assertEquals("timeout", Select.select(onTimeout(SHORT, () -> "timeout")));
        assertTrue(System.nanoTime() - start >= SHORT.toNanos());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void zeroTimeoutFiresAtOnceWhenNothingIsReady(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        assertEquals("timeout", Select.select(onReceive(ch, v -> "received"), onTimeout(Duration.ZERO, () -> "timeout")));
        Fixtures.assertIdle(ch);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#bufferingKinds")
    void readyClauseAlwaysBeatsAZeroTimeout(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < 10_000; i++) {
            ch.trySend(i);
            assertEquals(i, Select.<Integer>select(onTimeout(Duration.ZERO, () -> -1), onReceive(ch, v -> v)));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void defaultIsTakenWhenNothingIsReady(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> full = Channel.rendezvous();
        assertEquals("default", Select.select(onReceive(ch, v -> "received"), onSend(full, 1, () -> "sent"),
                onDefault(() -> "default")));
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(full);
    }

    /**
     * A pre-filled buffered channel that nobody else touches is ready throughout, so a
     * non-blocking select must never take its default, whichever order it tries clauses in.
     */
    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#bufferingKinds")
    void defaultIsNeverTakenWhileAReceiveIsReadyThroughout(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        int prefill = Math.min(kind.capacity(), 16);
        for (int i = 0; i < prefill; i++) {
            ch.trySend(i);
        }
        SelectClause<Integer> dflt = onDefault(() -> -1);
        SelectClause<Integer> receive = onReceive(ch, v -> v);
        List<SelectClause<Integer>> clauses = List.of(dflt, receive, onReceive(Channel.<Integer>rendezvous(), v -> -2));
        for (int i = 0; i < 20_000; i++) {
            int v = i % 2 == 0 ? Select.select(clauses) : Select.selectInOrder(clauses);
            assertTrue(v >= 0, () -> "took " + (v == -1 ? "the default" : "the idle clause") + " although " + ch + " was ready");
            ch.trySend(v); // put it back: the channel stays ready
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#bufferingKinds")
    void defaultIsNeverTakenWhileASendIsReadyThroughout(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        List<SelectClause<String>> clauses = List.of(onDefault(() -> "default"), onSend(ch, 1, () -> "sent"));
        for (int i = 0; i < 20_000; i++) {
            String r = i % 2 == 0 ? Select.select(clauses) : Select.selectInOrder(clauses);
            assertEquals("sent", r, () -> "took the default although " + ch + " had room");
            assertEquals(ReceiveResult.value(1), ch.tryReceive());
        }
    }

    @Test
    void defaultIsNeverTakenWhileARendezvousSenderWaitsThroughout() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        int n = 500;
        Thread sender = ThreadKind.VIRTUAL.start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    ch.send(i);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        for (int i = 0; i < n; i++) {
            Await.waiters(ch, 0, 1); // the sender is waiting: the receive is ready until we take it
            assertEquals(i, Select.<Integer>select(onDefault(() -> -1), onReceive(ch, v -> v)));
        }
        Await.join(sender);
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void selectWithEveryClauseDisabledBlocksUntilInterrupted(ThreadKind thread) throws Exception {
        Channel<Integer> ready = Channel.buffered(1);
        ready.trySend(1);
        Async<String> select = Async.start(thread, () -> Select.select(
                onReceive(ready, v -> "received").when(false),
                onTimeout(Duration.ZERO, () -> "timeout").when(false),
                onDefault(() -> "default").when(false)));
        Await.parked(select.thread());
        select.assertRunning();

        select.thread().interrupt();

        select.failure(InterruptedException.class);
        assertEquals(ReceiveResult.value(1), ready.tryReceive(), "the disabled clause took nothing");
    }

    @Test
    void enabledTimeoutOrDefaultEndsASelectWhoseChannelClausesAreDisabled() throws Exception {
        Channel<Integer> ready = Channel.buffered(1);
        ready.trySend(1);
        SelectClause<String> receive = onReceive(ready, v -> "received").when(false);
        assertEquals("default", Select.select(receive, onDefault(() -> "default")));
        assertEquals("timeout", Select.select(receive, onTimeout(SHORT, () -> "timeout")));
        assertEquals("received", Select.select(receive.when(true), onDefault(() -> "default")));
    }

    /**
     * Timeouts cost no thread: many virtual threads parked in timed selects add no platform
     * thread beyond the scheduler's few carriers and its single timer thread.
     */
    @Test
    void timedSelectsCostNoThread() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        int before = Thread.getAllStackTraces().size();
        int n = 500;
        List<Async<String>> selects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            selects.add(Async.start(ThreadKind.VIRTUAL,
                    () -> Select.select(onReceive(ch, v -> "received"), onTimeout(Duration.ofMinutes(5), () -> "timeout"))));
        }
        Await.waiters(ch, n, 0);
        for (Async<String> s : selects) {
            Await.parked(s.thread());
        }
        int during = Thread.getAllStackTraces().size();

        ch.close();
        for (Async<String> s : selects) {
            s.failure(io.github.csp4j.channels.ChannelClosedException.class);
        }
        int carriers = Runtime.getRuntime().availableProcessors();
        assertTrue(during - before <= carriers + 4,
                () -> n + " timed selects raised the platform thread count from " + before + " to " + during);
        assertFalse(during - before >= n / 2);
    }
}
