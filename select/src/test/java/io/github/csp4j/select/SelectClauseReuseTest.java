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
 * every element of every producer exactly once and in each producer's order, also over channels
 * built with the single-producer/single-consumer hints.
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
        mergeLoop(thread, List.of(Channel.rendezvous(), Channel.buffered(1), Channel.buffered(16), Channel.unbounded()));
    }

    /** The same over channels built with the single-producer/single-consumer hints, which the merge loop honours. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void mergeLoopOverSingleProducerSingleConsumerChannels(ThreadKind thread) throws Exception {
        mergeLoop(thread, List.of(
                Channel.<Integer>builder().capacity(16).singleProducer().singleConsumer().build(),
                Channel.<Integer>builder().capacity(1).singleConsumer().build(),
                Channel.<Integer>builder().unbounded().singleProducer().singleConsumer().build(),
                Channel.<Integer>builder().singleProducer().singleConsumer().build()));
    }

    /** One producer per channel sends 0..n-1 and closes; one select loop consumes them all. */
    private static void mergeLoop(ThreadKind thread, List<Channel<Integer>> chans) throws Exception {
        int perProducer = 5_000;
        List<Thread> producers = new ArrayList<>();
        for (Channel<Integer> ch : chans) {
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
            int[] next = new int[chans.size()];
            List<SelectClause<Integer>> clauses = new ArrayList<>();
            for (int i = 0; i < chans.size(); i++) {
                int p = i;
                clauses.add(onReceiveCatching(chans.get(i), r -> {
                    if (r.isClosed()) {
                        return -1 - p;
                    }
                    assertEquals(next[p], r.value(), () -> chans.get(p) + " out of order");
                    next[p]++;
                    return p;
                }));
            }
            for (int open = chans.size(); open > 0; ) {
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
        for (int i = 0; i < chans.size(); i++) {
            assertEquals(perProducer, received[i], chans.get(i).toString());
            Fixtures.assertWaiters(chans.get(i), 0, 0);
        }
    }
}
