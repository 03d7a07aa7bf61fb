package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.spi.SelectableChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Selects meeting the lock-free spinner of a rendezvous channel: a plain waiter that waits in the
 * channel's top word (spinning, then parked), outside the queues, until a partner claims it or a
 * locked operation moves it into its queue. A select that registers on the channel must first move that spinner into the queue ahead of
 * its own node (it came first); one that polls, at first or while it spins before registering,
 * must claim it exactly once.
 *
 * <p>Each round, on a fresh channel that spins from its first operation: a plain receiver, a
 * select receiving on the channel and on a second, idle one, and a sender of two elements race.
 * Proves over {@link #ROUNDS} rounds: both receivers get one element each, the two elements are
 * exactly 1 and 2 (no loss, no duplicate), and nobody stays blocked (each round has a
 * deadline). Why a stress test and not Lincheck: preparing a channel that spins at once takes a
 * loop over a hundred calls, which Lincheck takes for a spin lock and then explores almost
 * nothing. Measured: with a planted bug that drops a receiver spinner when a select absorbs it,
 * this scenario hung within 2,000 rounds of platform threads; with one that drops what the
 * select's spin before registering took, it failed on virtual threads within 10 seconds.
 */
@Timeout(120)
class SelectOverSpinnerStressTest {
    static final int ROUNDS = 3_000;
    static final Duration ROUND_DEADLINE = Duration.ofSeconds(10);

    /** A rendezvous channel whose plain blocking operations spin as its spinner from the first one on. */
    static Channel<Integer> spinningRendezvous() {
        Channel<Integer> ch = Channel.rendezvous();
        for (int i = 0; !((SelectableChannel) ch).spinBeforeParking(); i++) {
            if (i > 10_000) {
                throw new IllegalStateException("the channel never allows spinning: " + ch);
            }
        }
        return ch;
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void plainReceiverSelectAndSenderShareTwoElementsExactlyOnce(ThreadKind kind) throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Channel<Integer> a = spinningRendezvous();
            Channel<Integer> idle = spinningRendezvous();
            ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            threads.add(kind.start(guard(failures, () -> got.add(a.receive()))));
            threads.add(kind.start(guard(failures, () -> got.add(Select.select(
                    Select.onReceive(a, v -> v), Select.onReceive(idle, v -> -v))))));
            threads.add(kind.start(guard(failures, () -> {
                a.send(1);
                a.send(2);
            })));
            for (Thread t : threads) {
                if (!t.join(ROUND_DEADLINE)) {
                    fail("round " + round + ": a thread is still blocked after " + ROUND_DEADLINE + "; got " + got
                            + ", channel " + a);
                }
            }
            assertTrue(failures.isEmpty(), "round " + round + ": " + failures);
            List<Integer> sorted = new ArrayList<>(got);
            sorted.sort(null);
            assertEquals(List.of(1, 2), sorted, "round " + round + ": each element exactly once");
        }
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body}, recording what it throws in {@code failures}: a stress thread's body (also used by {@link SelectOverHintedRendezvousStressTest}). */
    static Runnable guard(ConcurrentLinkedQueue<Throwable> failures, Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        };
    }
}
