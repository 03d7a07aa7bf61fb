package io.github.csp4j.select.goport;

import static io.github.csp4j.select.goport.GoSupport.awaitWaitingReceivers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of golang/go src/runtime/chan_test.go TestSelectDuplicateChannel: one select may queue on
 * the same channel several times, and leaving must unlink all its nodes cleanly.
 *
 * <p>Goroutine A selects on c, c and d (two nodes on c); goroutine B then queues a plain receive
 * on c, behind A's two nodes. A send on d wakes A, which unlinks itself from c; that used to
 * corrupt c's receive queue in Go. A send on c must then wake B. Go orders A before B with
 * sleeps; we wait until each is queued, and repeat the scenario.
 */
class GoSelectDuplicateChannelTest {
    private static final int ROUNDS = 200;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void selectQueuedTwiceOnOneChannel(int capacity) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Channel<Integer> c = Channel.buffered(capacity);
            Channel<Integer> d = Channel.buffered(capacity);
            Channel<Integer> e = Channel.rendezvous();
            AtomicInteger bGot = new AtomicInteger();
            try (GoScope scope = new GoScope()) {
                scope.go(() -> { // A
                    int v = Select.select(
                            Select.onReceive(c, x -> -1),
                            Select.onReceive(c, x -> -2),
                            Select.onReceive(d, x -> x));
                    assertEquals(7, v, "A woke up on c");
                    e.send(9);
                });
                awaitWaitingReceivers(c, 2); // A is queued first on c, twice
                scope.go(() -> bGot.set(c.receive())); // B
                awaitWaitingReceivers(c, 3); // B is queued behind A
                d.send(7); // wake up A: it unlinks both its nodes from c
                assertEquals(9, e.receive()); // A is done
                c.send(8); // wake up B
                GoSupport.await("B received", () -> bGot.get() != 0);
                scope.joinAll();
            }
            assertEquals(8, bGot.get());
        }
    }
}
