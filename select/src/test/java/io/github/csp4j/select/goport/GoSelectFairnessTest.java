package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go src/runtime/chan_test.go TestSelectFairness: among ready clauses, a select
 * chooses uniformly at random.
 *
 * <p>c1 and c2 are filled with 10,001 ones and twos, c3 and c4 are never ready; a goroutine
 * repeatedly selects over c3, c4, c1, c2 (in that order, so that a select biased to the first
 * ready clause would always pick c1) and forwards what it got. Over 10,000 trials the count of
 * ones must be within 10 standard deviations of 5,000, as in Go.
 */
class GoSelectFairnessTest {
    private static final int TRIALS = 10_000;

    @Test
    void selectIsFair() throws Exception {
        Channel<Byte> c1 = Channel.buffered(TRIALS + 1);
        Channel<Byte> c2 = Channel.buffered(TRIALS + 1);
        for (int i = 0; i < TRIALS + 1; i++) {
            c1.send((byte) 1);
            c2.send((byte) 2);
        }
        Channel<Byte> c3 = Channel.rendezvous();
        Channel<Byte> c4 = Channel.rendezvous();
        Channel<Byte> out = Channel.rendezvous();
        Channel<Byte> done = Channel.rendezvous();
        try (GoScope scope = new GoScope()) {
            scope.go(() -> {
                List<SelectClause<Byte>> in = List.of(
                        Select.onReceive(c3, b -> b), Select.onReceive(c4, b -> b),
                        Select.onReceive(c1, b -> b), Select.onReceive(c2, b -> b));
                for (;;) {
                    byte b = Select.select(in);
                    boolean stop = Select.select(Select.onSend(out, b, () -> false), Select.onReceiveCatching(done, r -> true));
                    if (stop) {
                        return;
                    }
                }
            });
            int cnt1 = 0;
            int cnt2 = 0;
            for (int i = 0; i < TRIALS; i++) {
                byte b = out.receive();
                switch (b) {
                    case 1 -> cnt1++;
                    case 2 -> cnt2++;
                    default -> fail("unexpected value " + b + " on channel");
                }
            }
            double mean = TRIALS * 0.5;
            double stddev = Math.sqrt(TRIALS * 0.5 * (1 - 0.5));
            assertTrue(Math.abs(cnt1 - mean) <= 10 * stddev,
                    "unfair select: in " + TRIALS + " trials, results were " + cnt1 + ", " + cnt2);
            done.close();
            scope.joinAll();
        }
    }
}
