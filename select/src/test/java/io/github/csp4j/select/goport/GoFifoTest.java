package io.github.csp4j.select.goport;

import static io.github.csp4j.select.goport.GoSupport.awaitWaitingReceivers;
import static io.github.csp4j.select.goport.GoSupport.awaitWaitingSenders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of golang/go test/chan/fifo.go: channels are FIFOs.
 *
 * <ul>
 *   <li>{@link #asynchFifo}: a buffered channel returns its elements in the order sent.</li>
 *   <li>{@link #synchFifo}: Go's daisy chain: N goroutines take turns (each waits for a signal
 *       from the previous one) to receive from one unbuffered channel; the i-th must get i.</li>
 *   <li>{@link #blockedReceiversAreServedInArrivalOrder} and
 *       {@link #blockedSendersAreServedInArrivalOrder}: what Go's program is after, stated
 *       directly: receivers (senders) that are queued on a channel are served first come,
 *       first served. Each one is started only once the previous one is queued.</li>
 * </ul>
 */
class GoFifoTest {
    private static final int N = 10;

    @Test
    void asynchFifo() throws Exception {
        Channel<Integer> ch = Channel.buffered(N);
        for (int i = 0; i < N; i++) {
            ch.send(i);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(i, ch.receive(), "bad receive");
        }
    }

    @Test
    void synchFifo() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        try (GoScope scope = new GoScope()) {
            Channel<Integer> in = Channel.rendezvous();
            Channel<Integer> start = in;
            for (int i = 0; i < N; i++) {
                Channel<Integer> out = Channel.rendezvous();
                Channel<Integer> myIn = in;
                int val = i;
                scope.go(() -> {
                    myIn.receive();
                    int v = ch.receive();
                    if (v != val) {
                        throw new AssertionError("chain link " + val + " received " + v);
                    }
                    out.send(1);
                });
                in = out;
            }
            start.send(0);
            for (int i = 0; i < N; i++) {
                ch.send(i);
            }
            in.receive();
            scope.checkFailures();
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 4})
    void blockedReceiversAreServedInArrivalOrder(int capacity) throws Exception {
        Channel<Integer> ch = Channel.buffered(capacity);
        AtomicIntegerArray got = new AtomicIntegerArray(N);
        List<Thread> receivers = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int me = i;
            receivers.add(Thread.ofVirtual().start(() -> {
                try {
                    got.set(me, ch.receive());
                } catch (InterruptedException e) {
                    got.set(me, -1);
                }
            }));
            awaitWaitingReceivers(ch, i + 1);
        }
        for (int i = 0; i < N; i++) {
            ch.send(100 + i);
        }
        GoSupport.join(receivers.toArray(Thread[]::new));
        for (int i = 0; i < N; i++) {
            assertEquals(100 + i, got.get(i), "receiver " + i + " (queued " + i + "th)");
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 4})
    void blockedSendersAreServedInArrivalOrder(int capacity) throws Exception {
        Channel<Integer> ch = Channel.buffered(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(i); // fill the buffer, so that the senders below wait
        }
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int v = capacity + i;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    ch.send(v);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
            awaitWaitingSenders(ch, i + 1);
        }
        for (int i = 0; i < capacity + N; i++) {
            assertEquals(i, ch.receive(), "element " + i);
        }
        GoSupport.join(senders.toArray(Thread[]::new));
    }
}
