package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clause objects are reusable and {@code when(false)} disables them: a disabled ready clause is
 * never chosen and takes nothing, re-enabling it makes it count again, and one clause list
 * reused across the selects of a merge loop (disabling each channel once it is closed) receives
 * every element of every producer exactly once and in each producer's order.
 */
@Timeout(60)
class SelectClauseReuseTest {

    @Test
    void whenTogglesTheClauseAndChains() {
        SelectClause<String> c = onDefault(() -> "d");
        assertSame(c, c.when(false));
        assertFalse(c.isEnabled());
        assertSame(c, c.when(true));
        assertTrue(c.isEnabled());
    }

    @Test
    void disabledReadyClauseIsNeverChosenAndReenabledItIs() throws Exception {
        Channel<Integer> ch = Channel.buffered(1);
        ch.trySend(1);
        SelectClause<String> receive = onReceive(ch, v -> "received " + v);
        List<SelectClause<String>> clauses = List.of(receive, onDefault(() -> "default"));
        for (int i = 0; i < 1000; i++) {
            receive.when(false);
            assertEquals("default", Select.select(clauses));
            receive.when(true);
            assertEquals("received 1", Select.select(clauses));
            ch.trySend(1);
        }
        assertEquals(ReceiveResult.value(1), ch.tryReceive());
    }

    /** Merges producers on channels of several kinds with one reused list of catching clauses. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void mergeLoopWithReusedClausesReceivesEverythingOnceInOrder(ThreadKind thread) throws Exception {
        Kind[] kinds = {Kind.RENDEZVOUS, Kind.BUFFERED_1, Kind.BUFFERED_16, Kind.UNBOUNDED};
        int perProducer = 20_000;
        List<Channel<Integer>> chans = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (Kind kind : kinds) {
            Channel<Integer> ch = kind.create();
            chans.add(ch);
            producers.add(thread.start(() -> {
                try {
                    for (int i = 0; i < perProducer; i++) {
                        ch.send(i);
                    }
                    ch.close();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        Async<int[]> consumer = Async.start(thread, () -> {
            int[] next = new int[kinds.length];
            List<SelectClause<Integer>> clauses = new ArrayList<>();
            for (int i = 0; i < kinds.length; i++) {
                int p = i;
                clauses.add(onReceiveCatching(chans.get(i), r -> {
                    if (r.isClosed()) {
                        return -1 - p;
                    }
                    assertEquals(next[p], r.value(), () -> kinds[p] + " out of order");
                    next[p]++;
                    return p;
                }));
            }
            for (int open = kinds.length; open > 0; ) {
                int r = Select.select(clauses);
                if (r < 0) {
                    clauses.get(-1 - r).when(false);
                    open--;
                }
            }
            return next;
        });

        int[] received = consumer.get();
        for (Thread p : producers) {
            Await.join(p);
        }
        for (int i = 0; i < kinds.length; i++) {
            assertEquals(perProducer, received[i], kinds[i].toString());
            Fixtures.assertWaiters(chans.get(i), 0, 0);
        }
    }
}
