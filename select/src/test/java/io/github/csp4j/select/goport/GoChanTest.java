package io.github.csp4j.select.goport;

import static io.github.csp4j.select.goport.GoSupport.awaitWaitingReceivers;
import static io.github.csp4j.select.goport.GoSupport.awaitWaitingSenders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.select.Select;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Port of golang/go src/runtime/chan_test.go TestChan: the basic contract, for every capacity.
 *
 * <p>For each capacity: a receive from an empty channel blocks (and a non-blocking one does
 * not); a send to a full channel blocks (and a non-blocking one does not); a closed channel
 * yields its buffered values in order and then "closed"; a close wakes a blocked receiver; 100
 * values arrive in FIFO order (with {@code receive} and with {@code receiveCatching}); 4
 * producers and 4 consumers exchange 4 x 1,000 values, each received exactly once; size and
 * capacity are right. Where Go sleeps 1 ms to let a goroutine block, we wait until the channel
 * shows it queued.
 *
 * <p>Go runs capacities 0 to 199 (0 to 19 in short mode); we run 0 to 20, 50, 100 and 199.
 */
class GoChanTest {
    static Stream<Integer> capacities() {
        return Stream.concat(IntStream.rangeClosed(0, 20).boxed(), Stream.of(50, 100, 199));
    }

    @ParameterizedTest(name = "capacity {0}")
    @MethodSource("capacities")
    void chan(int chanCap) throws Exception {
        receiveFromEmptyBlocks(chanCap);
        sendToFullBlocks(chanCap);
        receiveFromClosed(chanCap);
        closeUnblocksReceive(chanCap);
        fifoAndMultiProducer(chanCap);
        lenAndCap(chanCap);
    }

    private static void receiveFromEmptyBlocks(int chanCap) throws Exception {
        Channel<Integer> c = Channel.buffered(chanCap);
        AtomicBoolean recv1 = new AtomicBoolean();
        AtomicBoolean recv2 = new AtomicBoolean();
        try (GoScope scope = new GoScope()) {
            scope.go(() -> {
                c.receive();
                recv1.set(true);
            });
            scope.go(() -> {
                c.receiveCatching();
                recv2.set(true);
            });
            awaitWaitingReceivers(c, 2);
            assertFalse(recv1.get() || recv2.get(), "chan[" + chanCap + "]: receive from empty chan");
            // a non-blocking receive does not block
            assertEquals("default", Select.select(Select.onReceive(c, v -> "received"), Select.onDefault(() -> "default")),
                    "chan[" + chanCap + "]: receive from empty chan");
            assertEquals("default", Select.select(Select.onReceiveCatching(c, r -> "received"), Select.onDefault(() -> "default")),
                    "chan[" + chanCap + "]: receive from empty chan");
            c.send(0);
            c.send(0);
            scope.joinAll();
        }
        assertTrue(recv1.get() && recv2.get());
    }

    private static void sendToFullBlocks(int chanCap) throws Exception {
        Channel<Integer> c = Channel.buffered(chanCap);
        for (int i = 0; i < chanCap; i++) {
            c.send(i);
        }
        AtomicBoolean sent = new AtomicBoolean();
        try (GoScope scope = new GoScope()) {
            scope.go(() -> {
                c.send(0);
                sent.set(true);
            });
            awaitWaitingSenders(c, 1);
            assertFalse(sent.get(), "chan[" + chanCap + "]: send to full chan");
            // a non-blocking send does not block
            assertEquals("default", Select.select(Select.onSend(c, 0, () -> "sent"), Select.onDefault(() -> "default")),
                    "chan[" + chanCap + "]: send to full chan");
            c.receive();
            scope.joinAll();
        }
        assertTrue(sent.get());
    }

    private static void receiveFromClosed(int chanCap) throws Exception {
        Channel<Integer> c = Channel.buffered(chanCap);
        for (int i = 0; i < chanCap; i++) {
            c.send(i);
        }
        c.close();
        for (int i = 0; i < chanCap; i++) {
            assertEquals(i, c.receive(), "chan[" + chanCap + "]: received value");
        }
        assertThrows(ChannelClosedException.class, c::receive, "chan[" + chanCap + "]");
        ReceiveResult<Integer> r = c.receiveCatching();
        assertTrue(r.isClosed(), "chan[" + chanCap + "]: received " + r + ", expected closed");
    }

    private static void closeUnblocksReceive(int chanCap) throws Exception {
        Channel<Integer> c = Channel.buffered(chanCap);
        AtomicReference<ReceiveResult<Integer>> got = new AtomicReference<>();
        try (GoScope scope = new GoScope()) {
            scope.go(() -> got.set(c.receiveCatching()));
            awaitWaitingReceivers(c, 1);
            c.close();
            scope.joinAll();
        }
        assertTrue(got.get().isClosed(), "chan[" + chanCap + "]: received " + got.get() + " from closed chan");
    }

    private static void fifoAndMultiProducer(int chanCap) throws Exception {
        Channel<Integer> c = Channel.buffered(chanCap);
        try (GoScope scope = new GoScope()) {
            // send 100 integers, receive them non-corrupted in FIFO order
            scope.go(() -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(i, c.receive(), "chan[" + chanCap + "]");
            }
            // same, with receiveCatching
            scope.go(() -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                ReceiveResult<Integer> r = c.receiveCatching();
                assertTrue(r.isValue(), "chan[" + chanCap + "]: receive failed, expected " + i);
                assertEquals(i, r.value(), "chan[" + chanCap + "]");
            }
            // 1,000 integers from each of 4 goroutines, received by 4 goroutines
            final int p = 4;
            final int l = 1000;
            for (int k = 0; k < p; k++) {
                scope.go(() -> {
                    for (int i = 0; i < l; i++) {
                        c.send(i);
                    }
                });
            }
            Channel<Map<Integer, Integer>> done = Channel.rendezvous();
            for (int k = 0; k < p; k++) {
                scope.go(() -> {
                    Map<Integer, Integer> recv = new HashMap<>();
                    for (int i = 0; i < l; i++) {
                        recv.merge(c.receive(), 1, Integer::sum);
                    }
                    done.send(recv);
                });
            }
            Map<Integer, Integer> recv = new HashMap<>();
            for (int k = 0; k < p; k++) {
                done.receive().forEach((key, v) -> recv.merge(key, v, Integer::sum));
            }
            assertEquals(l, recv.size(), "chan[" + chanCap + "]: distinct values received");
            recv.forEach((key, v) -> assertEquals(p, v, "chan[" + chanCap + "]: times value " + key + " was received"));
            scope.joinAll();
        }
    }

    private static void lenAndCap(int chanCap) throws Exception {
        Channel<Integer> c = Channel.buffered(chanCap);
        assertEquals(0, c.size(), "chan[" + chanCap + "]: len");
        assertEquals(chanCap, c.capacity(), "chan[" + chanCap + "]: cap");
        for (int i = 0; i < chanCap; i++) {
            c.send(i);
        }
        assertEquals(chanCap, c.size(), "chan[" + chanCap + "]: len");
        assertEquals(chanCap, c.capacity(), "chan[" + chanCap + "]: cap");
    }
}
