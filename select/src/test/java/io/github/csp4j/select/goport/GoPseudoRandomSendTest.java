package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of golang/go src/runtime/chan_test.go TestPseudoRandomSend: a select with two send
 * clauses on the same channel (sending 1 and 0) picks between them pseudo-randomly, both when
 * the send completes through the buffer and when it pairs with a waiting receiver. Of 100
 * sends, more than a tenth must be zeros and more than a tenth ones.
 */
class GoPseudoRandomSendTest {
    private static final int N = 100;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, N})
    void pseudoRandomSend(int capacity) throws Exception {
        Channel<Integer> c = Channel.buffered(capacity);
        int[] l = new int[N];
        try (GoScope scope = new GoScope()) {
            scope.go(() -> {
                for (int i = 0; i < N; i++) {
                    Thread.yield();
                    l[i] = c.receive();
                }
            });
            for (int i = 0; i < N; i++) {
                Select.select(Select.onSend(c, 1, () -> null), Select.onSend(c, 0, () -> null));
            }
            scope.joinAll(); // the join makes l visible here
        }
        int n0 = 0;
        int n1 = 0;
        for (int i : l) {
            n0 += (i + 1) % 2;
            n1 += i;
        }
        assertTrue(n0 > N / 10 && n1 > N / 10,
                "want pseudorandom, got " + n0 + " zeros and " + n1 + " ones (chan cap " + capacity + ")");
    }
}
