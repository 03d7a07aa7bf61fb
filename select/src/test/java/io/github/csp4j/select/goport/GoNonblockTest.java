package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.SendResult;
import io.github.csp4j.select.Select;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Port of golang/go test/chan/nonblock.go: non-blocking sends and receives, with buffer 0 and 1,
 * on channels of several element types.
 *
 * <p>For each type and buffer size: a non-blocking receive on an empty channel takes nothing;
 * with a receiver goroutine started, a non-blocking send retried in a loop eventually succeeds
 * (for buffer 0: once the receiver is queued) and the receiver gets the value; with a sender
 * goroutine started, a non-blocking receive retried in a loop eventually gets its value (for
 * buffer 1 it must succeed at once after the sender reported its send done). Go retries with
 * {@code select ... default} and a short sleep up to a limit; we retry until a deadline, and do
 * it both with {@code trySend}/{@code tryReceive} and with a select that has a default clause.
 */
class GoNonblockTest {
    static Stream<Arguments> cases() {
        return Stream.of(0, 1).flatMap(buffer -> Stream.of(
                Arguments.of(buffer, 123, 234),
                Arguments.of(buffer, 123456L, 234567L),
                Arguments.of(buffer, true, true),
                Arguments.of(buffer, "hello", "hello again")));
    }

    @ParameterizedTest(name = "buffer {0}, {1}/{2}")
    @MethodSource("cases")
    void nonBlockingOperations(int buffer, Object toReceiver, Object fromSender) throws Exception {
        for (boolean viaSelect : new boolean[] {false, true}) {
            Channel<Object> c = Channel.buffered(buffer);
            Channel<Boolean> sync = Channel.rendezvous();

            // nothing to receive: a non-blocking receive takes nothing
            assertTrue(tryReceive(c, viaSelect).isEmpty(), "blocked sender? " + c);

            // a receiver goroutine: a non-blocking send succeeds once there is room or a receiver
            AtomicReference<Object> got = new AtomicReference<>();
            Thread receiver = Thread.ofVirtual().start(() -> {
                try {
                    got.set(c.receive());
                    sync.send(true);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            GoSupport.await("non-blocking send to " + c, () -> trySend(c, toReceiver, viaSelect));
            sync.receive();
            assertEquals(toReceiver, got.get(), "receiver value");
            GoSupport.join(receiver);

            // a sender goroutine: a non-blocking receive gets its value
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    c.send(fromSender);
                    sync.send(true);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            if (buffer > 0) {
                sync.receive(); // the send completed into the buffer: the receive cannot miss it
                ReceiveResult<Object> r = tryReceive(c, viaSelect);
                assertTrue(r.isValue(), "sender buffer=" + buffer + ": " + r);
                assertEquals(fromSender, r.value(), "sender value");
            } else {
                AtomicReference<ReceiveResult<Object>> r = new AtomicReference<>();
                GoSupport.await("non-blocking receive from " + c, () -> {
                    r.set(tryReceive(c, viaSelect));
                    return r.get().isValue();
                });
                assertEquals(fromSender, r.get().value(), "sender value");
                sync.receive();
            }
            GoSupport.join(sender);
        }
    }

    private static boolean trySend(Channel<Object> c, Object v, boolean viaSelect) {
        if (!viaSelect) {
            return c.trySend(v) == SendResult.SENT;
        }
        try {
            return Select.select(Select.onSend(c, v, () -> true), Select.onDefault(() -> false));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static ReceiveResult<Object> tryReceive(Channel<Object> c, boolean viaSelect) {
        if (!viaSelect) {
            return c.tryReceive();
        }
        try {
            return Select.select(Select.onReceiveCatching(c, r -> r), Select.onDefault(ReceiveResult::empty));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
