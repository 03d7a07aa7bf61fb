package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static io.github.csp4j.select.Select.onSend;
import static io.github.csp4j.select.Select.onTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A handler that throws: the exception propagates out of the select unchanged, after the
 * clause's channel operation completed (a receive consumed its element, a send delivered its
 * value), and every channel involved stays consistent and usable, whether the clause was ready
 * at once or completed after the select waited.
 */
@Timeout(30)
class SelectHandlerExceptionTest {
    private static final RuntimeException BOOM = new IllegalStateException("handler failed");

    private static <T> T boom() {
        throw BOOM;
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void readyReceiveHandlerThrowsAfterTakingTheElement(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = kind.create();
        Async<Void> sender = Fixtures.offer(kind, ch, 5, thread);
        AtomicInteger seen = new AtomicInteger();

        RuntimeException e = assertThrows(RuntimeException.class, () -> Select.select(
                onReceive(ch, v -> { seen.set(v); return boom(); }), onReceive(idle, v -> "idle")));

        assertSame(BOOM, e);
        assertEquals(5, seen.get());
        Fixtures.finish(sender);
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void waitingReceiveHandlerThrowsAfterTakingTheElement(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = kind.create();
        AtomicInteger seen = new AtomicInteger();
        Async<String> select = Async.start(thread, () -> Select.select(
                onReceive(idle, v -> "idle"), onReceive(ch, v -> { seen.set(v); return boom(); })));
        Await.waiters(ch, 1, 0);
        Await.waiters(idle, 1, 0);

        ch.send(5);

        assertSame(BOOM, select.failure(RuntimeException.class));
        assertEquals(5, seen.get());
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void readySendHandlerThrowsAfterDelivering(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous();
        Async<Integer> receiver = Fixtures.receiver(kind, ch, thread);

        assertSame(BOOM, assertThrows(RuntimeException.class,
                () -> Select.select(onSend(ch, 7, SelectHandlerExceptionTest::boom), onSend(idle, 8, () -> "idle"))));

        assertEquals(7, Fixtures.delivered(ch, receiver));
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#blockingSendKindsAndThreads")
    void waitingSendHandlerThrowsAfterDelivering(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous();
        Fixtures.fill(kind, ch, 0);
        Async<String> select = Async.start(thread,
                () -> Select.select(onSend(idle, 8, () -> "idle"), onSend(ch, 7, SelectHandlerExceptionTest::boom)));
        Await.waiters(ch, 0, 1);
        Await.waiters(idle, 0, 1);

        List<Integer> received = new ArrayList<>();
        received.add(ch.receive());

        assertSame(BOOM, select.failure(RuntimeException.class));
        received.addAll(Fixtures.drain(ch));
        List<Integer> expected = new ArrayList<>(Collections.nCopies(kind.capacity(), 0));
        expected.add(7);
        assertEquals(expected, received);
        Fixtures.assertIdle(ch);
        Fixtures.assertIdle(idle);
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kinds")
    void catchingHandlerThrowsOnClosedAndTheChannelStaysClosed(Kind kind) {
        Channel<Integer> ch = kind.create();
        ch.close();
        assertSame(BOOM, assertThrows(RuntimeException.class,
                () -> Select.select(onReceiveCatching(ch, r -> boom()))));
        assertThrows(ChannelClosedException.class, () -> Select.select(onReceive(ch, v -> v)));
    }

    @Test
    void timeoutAndDefaultHandlersPropagateToo() {
        Channel<Integer> ch = Channel.rendezvous();
        assertSame(BOOM, assertThrows(RuntimeException.class,
                () -> Select.select(onReceive(ch, v -> "v"), onTimeout(Duration.ofMillis(1), SelectHandlerExceptionTest::boom))));
        assertSame(BOOM, assertThrows(RuntimeException.class,
                () -> Select.select(onReceive(ch, v -> "v"), onDefault(SelectHandlerExceptionTest::boom))));
        Fixtures.assertIdle(ch);
    }
}
