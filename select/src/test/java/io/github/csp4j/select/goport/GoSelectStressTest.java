package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go src/runtime/chan_test.go TestSelectStress: plain sends and receives and
 * four-clause selects on unbuffered and buffered channels interact chaotically without
 * deadlocking.
 *
 * <p>Four channels (capacities 0, 0, 2, 3). On each: one goroutine sends N values and one
 * receives N values with plain operations. One more goroutine sends N values on each channel
 * with a single select over all four (disabling a channel's clause once it sent N there, Go's
 * nil channel), and one receives N values from each in the same way. Everything must finish.
 * We also check that each channel delivered exactly 2N values.
 *
 * <p>Scaled down from Go's N = 100,000 to 10,000 (Go's short mode).
 */
class GoSelectStressTest {
    private static final int N = 10_000;

    @Test
    void selectStress() throws Exception {
        List<Channel<Integer>> c = List.of(Channel.rendezvous(), Channel.rendezvous(), Channel.buffered(2), Channel.buffered(3));
        AtomicIntegerArray received = new AtomicIntegerArray(4);
        try (GoScope scope = new GoScope()) {
            for (int k = 0; k < 4; k++) {
                Channel<Integer> ch = c.get(k);
                int kk = k;
                scope.go(() -> {
                    for (int i = 0; i < N; i++) {
                        ch.send(0);
                    }
                });
                scope.go(() -> {
                    for (int i = 0; i < N; i++) {
                        ch.receive();
                        received.incrementAndGet(kk);
                    }
                });
            }
            scope.go(() -> {
                int[] n = new int[4];
                List<SelectClause<Integer>> clauses = new ArrayList<>();
                for (int k : new int[] {3, 2, 0, 1}) { // Go's clause order
                    clauses.add(Select.onSend(c.get(k), 0, () -> k));
                }
                for (int i = 0; i < 4 * N; i++) {
                    int k = Select.select(clauses);
                    if (++n[k] == N) {
                        clauses.get(List.of(3, 2, 0, 1).indexOf(k)).when(false);
                    }
                }
            });
            scope.go(() -> {
                int[] n = new int[4];
                List<SelectClause<Integer>> clauses = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    int kk = k;
                    clauses.add(Select.onReceive(c.get(k), v -> kk));
                }
                for (int i = 0; i < 4 * N; i++) {
                    int k = Select.select(clauses);
                    received.incrementAndGet(k);
                    if (++n[k] == N) {
                        clauses.get(k).when(false);
                    }
                }
            });
            scope.joinAll();
        }
        int[] got = new int[4];
        for (int k = 0; k < 4; k++) {
            got[k] = received.get(k);
        }
        assertArrayEquals(new int[] {2 * N, 2 * N, 2 * N, 2 * N}, got, "values received per channel");
    }
}
