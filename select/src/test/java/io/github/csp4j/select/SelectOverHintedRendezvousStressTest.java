package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Selects on a rendezvous channel built with both hints (one sender, one receiver). Plain
 * operations of such a channel hand over through the channel's own fields and never touch the
 * waiting partner's node; a select installs its nodes in the channels' top words, marking the
 * channel so that a partner reads the node, or registers them in the queues, absorbing a plain
 * waiter first, and the absorbed waiter must then be served from the queue. This mixes them on
 * both sides.
 *
 * <p>Each round, on a fresh channel: one sender thread sends 1..{@link #ELEMENTS}, each by a random
 * choice of a plain send, a timed send, a try-send, or a select with a send clause and a short
 * timeout, repeating an element until one of them sends it; one receiver thread takes as many
 * elements the same way (receive, timed receive, try-receive, a select receiving from the channel
 * and from an idle one, with a short timeout). Proves over {@link #ROUNDS} rounds per thread kind:
 * the receiver gets exactly 1..{@link #ELEMENTS} in order (one producer: FIFO; nothing lost or
 * duplicated, also when a timeout or a try raced a hand-off), and nobody stays blocked (each round
 * has a deadline). Measured: with the planted bug of a waiter that takes a lock-free claim for an
 * absorption, rounds hang within seconds.
 */
@Timeout(120)
class SelectOverHintedRendezvousStressTest {
    static final int ROUNDS = 300;
    static final int ELEMENTS = 200;
    static final Duration ROUND_DEADLINE = Duration.ofSeconds(10);
    static final Duration SHORT = Duration.ofNanos(20_000);

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void selectsAndPlainOperationsHandOverEveryElementOnceInOrder(ThreadKind kind) throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            Channel<Integer> ch = Channel.<Integer>builder().singleProducer().singleConsumer().build();
            Channel<Integer> idle = Channel.rendezvous();
            List<Integer> got = new ArrayList<>(); // written by the receiver only, read after its join
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Thread sender = kind.start(SelectOverSpinnerStressTest.guard(failures, () -> {
                for (int i = 1; i <= ELEMENTS; i++) {
                    while (!sendOnce(ch, i)) {
                        Thread.onSpinWait(); // not sent: the same element again, so order holds
                    }
                }
            }));
            Thread receiver = kind.start(SelectOverSpinnerStressTest.guard(failures, () -> {
                while (got.size() < ELEMENTS) {
                    Integer e = receiveOnce(ch, idle);
                    if (e != null) {
                        got.add(e);
                    }
                }
            }));
            for (Thread t : List.of(sender, receiver)) {
                if (!t.join(ROUND_DEADLINE)) {
                    fail("round " + round + ": a thread is still blocked after " + ROUND_DEADLINE
                            + "; received " + got.size() + ", channel " + ch);
                }
            }
            assertTrue(failures.isEmpty(), "round " + round + ": " + failures);
            for (int i = 0; i < ELEMENTS; i++) {
                assertEquals(i + 1, got.get(i), "round " + round + ": element " + i + " of " + got);
            }
            assertTrue(ch.tryReceive().isEmpty(), "round " + round + ": nothing left over: " + ch);
        }
    }

    /** One attempt to send {@code e}, by a random kind of send; returns whether it was sent. */
    private static boolean sendOnce(Channel<Integer> ch, int e) throws InterruptedException {
        return switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> {
                ch.send(e);
                yield true;
            }
            case 1 -> ch.send(e, SHORT);
            case 2 -> ch.trySend(e) == SendResult.SENT;
            default -> Select.select(Select.onSend(ch, e, () -> true), Select.onTimeout(SHORT, () -> false));
        };
    }

    /** One attempt to receive, by a random kind of receive; {@code null} if nothing was received. */
    private static Integer receiveOnce(Channel<Integer> ch, Channel<Integer> idle) throws InterruptedException {
        return switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> ch.receive();
            case 1 -> ch.receive(SHORT);
            case 2 -> {
                var r = ch.tryReceive();
                yield r.isValue() ? r.value() : null;
            }
            default -> Select.select(Select.onReceive(ch, v -> v), Select.onReceive(idle, v -> -v),
                    Select.onTimeout(SHORT, () -> null));
        };
    }
}
