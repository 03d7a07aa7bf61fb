package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/select.go: disabled cases, and each case's value evaluated once.
 *
 * <p>{@code Send(a, b)} loops over a select with a send clause per channel and a default; a
 * clause whose send completed is disabled for the next rounds (Go sets the channel to nil; we
 * use {@code when(false)}), and the loop ends when the default is taken. Every round evaluates
 * every clause's value exactly once, disabled clauses included, exactly as Go evaluates all
 * case expressions on entry to a select: the counter must end at 10. The value sent in round
 * {@code k} is {@code 1 << k}, so the values received tell which round each send completed in.
 */
class GoSelectTest {
    private int counter;
    private int shift;

    private int getValue() {
        counter++;
        return 1 << shift;
    }

    /** Go's {@code Send}: a null channel stands for Go's nil channel. */
    private int send(Channel<Integer> a, Channel<Integer> b) throws InterruptedException {
        int i = 0;
        for (;;) {
            SelectClause<Integer> ca = Select.onSend(a != null ? a : Channel.<Integer>rendezvous(), getValue(), () -> 1)
                    .when(a != null);
            SelectClause<Integer> cb = Select.onSend(b != null ? b : Channel.<Integer>rendezvous(), getValue(), () -> 2)
                    .when(b != null);
            int which = Select.select(ca, cb, Select.onDefault(() -> 0));
            if (which == 0) {
                return i;
            }
            i++;
            if (which == 1) {
                a = null;
            } else {
                b = null;
            }
            shift++;
        }
    }

    @Test
    void disabledClausesAndValuesEvaluatedOnce() throws Exception {
        Channel<Integer> a = Channel.buffered(1);
        Channel<Integer> b = Channel.buffered(1);
        assertEquals(2, send(a, b), "Send(a, b)");
        int av = a.receive();
        int bv = b.receive();
        assertEquals(3, av | bv, "bad values " + av + " " + bv);
        assertEquals(1, send(a, null), "Send(a, nil)");
        assertEquals(10, counter, "values evaluated");
        assertEquals(1 << 2, a.receive(), "value sent by Send(a, nil)");
    }
}
