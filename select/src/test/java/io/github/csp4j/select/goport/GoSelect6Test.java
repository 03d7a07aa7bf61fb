package io.github.csp4j.select.goport;

import static io.github.csp4j.select.goport.GoSupport.awaitWaitingReceivers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of golang/go test/chan/select6.go (Go issue 2075): a select that loses on a channel must
 * not corrupt that channel's queue of waiters.
 *
 * <p>A receiver R queues on c1; then a select S queues on c1 and c2 (so S's node is last in
 * c1's queue, behind R); a third goroutine sends on c2, so S wins there and unlinks its node
 * from c1; S then reports on c3 and receives from c1 with a plain receive. The two sends on c1
 * that follow must reach R and S: with a corrupted queue one of them would never wake. Go runs
 * this once and leaves the ordering to the scheduler; we force the ordering (each party starts
 * only once the previous one is queued) and repeat it, on unbuffered and buffered(1) channels.
 */
class GoSelect6Test {
    private static final int ROUNDS = 200;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void losingSelectDoesNotCorruptTheWaiterQueue(int capacity) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Channel<Boolean> c1 = Channel.buffered(capacity);
            Channel<Boolean> c2 = Channel.buffered(capacity);
            Channel<Boolean> c3 = Channel.rendezvous();
            AtomicInteger received = new AtomicInteger();
            try (GoScope scope = new GoScope()) {
                scope.go(() -> {
                    c1.receive();
                    received.incrementAndGet();
                });
                awaitWaitingReceivers(c1, 1);
                scope.go(() -> {
                    Select.select(
                            Select.onReceive(c1, v -> {
                                throw new AssertionError("dummy: the select won on c1");
                            }),
                            Select.onReceive(c2, v -> v));
                    c3.send(true);
                    c1.receive();
                    received.incrementAndGet();
                });
                awaitWaitingReceivers(c1, 2);
                awaitWaitingReceivers(c2, 1);
                scope.go(() -> c2.send(true));
                c3.receive();
                c1.send(true);
                c1.send(true);
                GoSupport.await("both receives on c1 done", () -> received.get() == 2);
                scope.checkFailures();
            }
            assertEquals(2, received.get());
        }
    }
}
