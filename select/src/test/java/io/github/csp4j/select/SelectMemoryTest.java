package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flat memory: a select in a loop, where one clause always wins and clauses on other channels
 * always lose, leaves nothing behind in the losing channels (they report no waiting receivers
 * or senders and still work) and does not grow the heap (used heap after GC stays within a
 * bound far below what one leaked node per iteration would take). Both when the losers are
 * merely polled (a clause is ready at once) and when they were registered because the select
 * had to wait for a partner.
 */
class SelectMemoryTest {
    /** Heap growth allowed: far below a leak of one 32-byte node per iteration (32 MB per 1,000,000). */
    private static final long HEAP_BOUND = 12L << 20;

    @Test
    @Timeout(60)
    void readyClauseWinsAMillionTimesAndTheLosersKeepNothing() throws Exception {
        Channel<Integer> ready = Channel.buffered(1);
        Channel<Integer> idleRendezvous = Channel.rendezvous();
        Channel<Integer> idleBuffered = Channel.buffered(16);
        Channel<Integer> fullBuffered = Channel.buffered(1);
        fullBuffered.trySend(0);
        List<SelectClause<Integer>> clauses = List.of(
                onReceive(idleRendezvous, v -> -1), onReceive(idleBuffered, v -> -2),
                onSend(idleRendezvous, 3, () -> -3), onSend(fullBuffered, 4, () -> -4),
                onReceive(ready, v -> v));
        long before = usedHeapAfterGc();
        for (int i = 0; i < 1_000_000; i++) {
            ready.trySend(i);
            assertEquals(i, Select.select(clauses));
        }
        long grown = usedHeapAfterGc() - before;

        Fixtures.assertIdle(idleRendezvous);
        Fixtures.assertIdle(idleBuffered);
        Fixtures.assertWaiters(fullBuffered, 0, 0);
        assertHeapFlat(grown);
    }

    /**
     * The select waits (nothing is ready when it starts), registers on every channel, and a
     * partner completes one clause; the other registrations must be unlinked. The partner
     * alternates between sending to and receiving from the winning channel. (Sampling showed the
     * select already registered and parked in 80-90% of iterations, so this is the waiting path.)
     */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    @Timeout(90)
    void waitingSelectCompletedByAPartnerUnlinksItsLosingRegistrations(ThreadKind thread) throws Exception {
        int n = 150_000; // each iteration leaves four losing registrations to unlink
        Channel<Integer> in = Channel.rendezvous();
        Channel<Integer> out = Channel.rendezvous();
        Channel<Integer> idleRendezvous = Channel.rendezvous();
        Channel<Integer> idleBuffered = Channel.buffered(16);
        Channel<Integer> fullBuffered = Channel.buffered(1);
        fullBuffered.trySend(0);
        List<SelectClause<Integer>> clauses = List.of(
                onReceive(idleRendezvous, v -> -1), onReceive(idleBuffered, v -> -2),
                onSend(idleRendezvous, 3, () -> -3), onSend(fullBuffered, 4, () -> -4),
                onReceive(in, v -> v), onSend(out, 5, () -> 5));
        Thread partner = thread.start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    if (i % 2 == 0) {
                        in.send(i);
                    } else {
                        assertEquals(5, out.receive());
                    }
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        long before = usedHeapAfterGc();
        Async<Void> selecting = Async.start(thread, () -> {
            for (int i = 0; i < n; i++) {
                int r = Select.select(clauses);
                assertEquals(i % 2 == 0 ? i : 5, r);
            }
            return null;
        });
        selecting.get();
        Await.join(partner);
        long grown = usedHeapAfterGc() - before;

        Fixtures.assertIdle(idleRendezvous);
        Fixtures.assertIdle(idleBuffered);
        Fixtures.assertWaiters(fullBuffered, 0, 0);
        Fixtures.assertIdle(in);
        Fixtures.assertIdle(out);
        assertHeapFlat(grown);
    }

    private static void assertHeapFlat(long grown) {
        assertTrue(grown < HEAP_BOUND, () -> "used heap after GC grew by " + (grown >> 10) + " KiB");
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the lowest of a few readings: GC is not exact
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
