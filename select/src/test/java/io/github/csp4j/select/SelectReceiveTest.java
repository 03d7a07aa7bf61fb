package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveResult;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Receive clauses, over every channel kind and from virtual and platform threads: a ready element
 * is taken by its clause only; a blocked select is completed by a late sender; the clause that
 * was not chosen took nothing and left no waiter behind; a closed, drained channel ends the
 * select with that channel's {@link ChannelClosedException} (cause kept), or, for
 * {@code onReceiveCatching}, with a closed {@link ReceiveResult} carrying the cause.
 */
@Timeout(30)
class SelectReceiveTest {
    private static final RuntimeException CAUSE = new RuntimeException("upstream failed");

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void readyElementIsTakenByItsClause(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ready = kind.create();
        Channel<Integer> idle = kind.create();
        Async<Void> sender = Fixtures.offer(kind, ready, 7, thread);

        String r = Select.select(onReceive(idle, v -> "idle " + v), onReceive(ready, v -> "ready " + v));

        assertEquals("ready 7", r);
        Fixtures.finish(sender);
        Fixtures.assertIdle(ready);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void receiveClauseNotChosenTookNothing(Kind kind) throws Exception {
        for (int round = 0; round < 20; round++) { // both orders get chosen
            Channel<Integer> a = kind.create();
            Channel<Integer> b = kind.create();
            Async<Void> senderA = Fixtures.offer(kind, a, 1, ThreadKind.VIRTUAL);
            Async<Void> senderB = Fixtures.offer(kind, b, 2, ThreadKind.VIRTUAL);

            int got = Select.select(onReceive(a, v -> v), onReceive(b, v -> v));

            Channel<Integer> other = got == 1 ? b : a;
            assertEquals(ReceiveResult.value(3 - got), other.tryReceive(), "the other clause's element");
            Fixtures.finish(senderA, senderB);
            Fixtures.assertIdle(a);
            Fixtures.assertIdle(b);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void blockedSelectIsCompletedByALateSender(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> a = kind.create();
        Channel<Integer> b = kind.create();
        Async<String> select = Async.start(thread,
                () -> Select.select(onReceive(a, v -> "a " + v), onReceive(b, v -> "b " + v)));
        Await.waiters(a, 1, 0);
        Await.waiters(b, 1, 0);
        select.assertRunning();

        b.send(5);

        assertEquals("b 5", select.get());
        Fixtures.assertIdle(a);
        Fixtures.assertIdle(b);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void elementSentBeforeCloseComesFirstThenCloseThrowsWithTheCause(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = kind.create();
        Async<Void> sender = Fixtures.offer(kind, ch, 3, ThreadKind.VIRTUAL);
        ch.close(CAUSE);

        assertEquals(Integer.valueOf(3), Select.<Integer>select(onReceive(idle, v -> -v), onReceive(ch, v -> v)));
        Fixtures.finish(sender);
        ChannelClosedException e = assertThrows(ChannelClosedException.class,
                () -> Select.select(onReceive(idle, v -> -v), onReceive(ch, v -> v)));
        assertSame(CAUSE, e.getCause());
        assertFalse(e.isCancelled());
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void closedWithoutCauseThrowsWithoutCause(Kind kind) {
        Channel<Integer> ch = kind.create();
        ch.close();
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> Select.select(onReceive(ch, v -> v)));
        assertNull(e.getCause());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void cancelledChannelThrowsCancelled(Kind kind) {
        Channel<Integer> ch = kind.create();
        if (kind.buffers()) {
            ch.trySend(1); // discarded by cancel
        }
        ch.cancel();
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> Select.select(onReceive(ch, v -> v)));
        assertTrue(e.isCancelled());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void catchingClauseDeliversValueThenClosedWithTheCause(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = kind.create();
        Async<Void> sender = Fixtures.offer(kind, ch, 3, ThreadKind.VIRTUAL);
        ch.close(CAUSE);

        ReceiveResult<Integer> first = Select.select(onReceiveCatching(ch, r -> r), onReceiveCatching(idle, r -> r));
        ReceiveResult<Integer> second = Select.select(onReceiveCatching(ch, r -> r), onReceiveCatching(idle, r -> r));

        assertEquals(ReceiveResult.value(3), first);
        assertTrue(second.isClosed(), second::toString);
        assertSame(CAUSE, second.closeCause());
        Fixtures.finish(sender);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void closeCompletesABlockedSelectWithTheException(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> a = kind.create();
        Channel<Integer> b = kind.create();
        Async<Integer> select = Async.start(thread, () -> Select.select(onReceive(a, v -> v), onReceive(b, v -> v)));
        Await.waiters(a, 1, 0);
        Await.waiters(b, 1, 0);

        a.close(CAUSE);

        assertSame(CAUSE, select.failure(ChannelClosedException.class).getCause());
        Fixtures.assertIdle(b);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void closeCompletesABlockedCatchingSelectWithAResult(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> a = kind.create();
        Channel<Integer> b = kind.create();
        Async<ReceiveResult<Integer>> select = Async.start(thread,
                () -> Select.select(onReceiveCatching(a, r -> r), onReceiveCatching(b, r -> r)));
        Await.waiters(a, 1, 0);
        Await.waiters(b, 1, 0);

        a.close(CAUSE);

        ReceiveResult<Integer> r = select.get();
        assertTrue(r.isClosed(), r::toString);
        assertSame(CAUSE, r.closeCause());
        Fixtures.assertIdle(b);
    }
}
