package io.github.csp4j.select.goport;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of golang/go src/runtime/chan_test.go TestSelfSelect: a select that sends and receives on
 * the same channel neither crashes nor deadlocks, and on an unbuffered channel never receives
 * its own value.
 *
 * <p>Two goroutines each run 1,000 selects, each with a send of the goroutine's id and a receive
 * on one channel (clause order alternating for the second goroutine); with capacity 0 a select
 * can only pair with the other goroutine's select, so receiving one's own id is a failure.
 */
class GoSelfSelectTest {
    private static final int ROUNDS = 1000;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 10})
    void selfSelect(int capacity) throws Exception {
        Channel<Integer> c = Channel.buffered(capacity);
        try (GoScope scope = new GoScope()) {
            for (int p = 0; p < 2; p++) {
                int me = p;
                scope.go(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        Integer v;
                        if (me == 0 || i % 2 == 0) {
                            v = Select.select(Select.onSend(c, me, () -> null), Select.onReceive(c, x -> x));
                        } else {
                            v = Select.select(Select.onReceive(c, x -> x), Select.onSend(c, me, () -> null));
                        }
                        if (capacity == 0 && v != null && v == me) {
                            throw new AssertionError("self receive by goroutine " + me + " in round " + i);
                        }
                    }
                });
            }
            scope.joinAll();
        }
    }
}
