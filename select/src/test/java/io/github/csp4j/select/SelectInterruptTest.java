package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static io.github.csp4j.select.Select.onTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.SendResult;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interrupts: a select interrupted while waiting throws {@link InterruptedException} (interrupt
 * status cleared), and then no clause took effect and no waiter is left behind, over every
 * channel kind and thread kind. When a partner completes a clause at the same instant as the
 * interrupt, the outcome is still exactly once: either the select threw and the element went
 * nowhere, or the select completed normally (element delivered once) with the interrupt status set.
 */
@Timeout(60)
class SelectInterruptTest {

    @ParameterizedTest
    @MethodSource("io.github.csp4j.select.Cases#kindsAndThreads")
    void interruptWhileWaitingThrowsAndNoClauseTookEffect(Kind kind, ThreadKind thread) throws Exception {
        Channel<Integer> in = kind.create();
        Channel<Integer> out = kind.sendCanBlock() ? kind.create() : Channel.rendezvous();
        if (kind.sendCanBlock()) {
            Fixtures.fill(kind, out, 0);
        }
        Async<String> select = Async.start(thread, () -> {
            try {
                return Select.select(onReceive(in, v -> "received"), onSend(out, 9, () -> "sent"),
                        onTimeout(Duration.ofMinutes(5), () -> "timeout"));
            } catch (InterruptedException e) {
                return Thread.currentThread().isInterrupted() ? "interrupted, status still set" : "interrupted";
            }
        });
        Await.waiters(in, 1, 0);
        Await.waiters(out, 0, 1);
        Await.parked(select.thread());

        select.thread().interrupt();

        assertEquals("interrupted", select.get());
        Fixtures.assertIdle(in);
        Fixtures.assertWaiters(out, 0, 0);
        assertEquals(Collections.nCopies(out.capacity(), 0), Fixtures.drain(out), "the send clause sent nothing");
        Fixtures.assertIdle(out);
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void interruptStatusSetBeforeAWaitingSelectThrowsAtOnce(ThreadKind thread) throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        Async<String> select = Async.start(thread, () -> {
            Thread.currentThread().interrupt();
            return Select.select(onReceive(ch, v -> "received"));
        });
        select.failure(InterruptedException.class);
        Fixtures.assertIdle(ch);
    }

    /**
     * Races a partner's try-operation against an interrupt, many times. Exactly once: the
     * element was delivered once if the select (receive: the partner's trySend) reported success,
     * and not at all otherwise; an interrupt is never lost.
     */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void interruptRacingAPartnerIsExactlyOnce(ThreadKind thread) throws Exception {
        for (int i = 0; i < 800; i++) {
            Kind kind = i % 4 < 2 ? Kind.RENDEZVOUS : Kind.BUFFERED_1;
            raceOnce(kind, i % 2 == 0, thread, i);
        }
    }

    private static void raceOnce(Kind kind, boolean selectReceives, ThreadKind thread, int element) throws Exception {
        Channel<Integer> ch = kind.create();
        Channel<Integer> idle = Channel.rendezvous();
        if (!selectReceives) {
            Fixtures.fill(kind, ch, -1);
        }
        AtomicBoolean interruptSent = new AtomicBoolean();
        Async<Boolean> select = Async.start(thread, () -> {
            boolean completed;
            try {
                SelectClause<Boolean> clause = selectReceives
                        ? onReceive(ch, v -> { assertEquals(element, v); return true; })
                        : onSend(ch, element, () -> true);
                completed = Select.select(clause, onReceive(idle, v -> false));
            } catch (InterruptedException e) {
                completed = false;
            }
            while (!interruptSent.get()) {
                Thread.onSpinWait();
            }
            boolean status = Thread.interrupted();
            assertEquals(completed, status, completed ? "completed but the interrupt was lost" : "threw but left the status set");
            return completed;
        });
        Await.waiters(ch, selectReceives ? 1 : 0, selectReceives ? 0 : 1);
        CountDownLatch go = new CountDownLatch(1);
        Async<Boolean> partner = Async.start(ThreadKind.PLATFORM, () -> {
            go.await();
            return selectReceives ? ch.trySend(element) == SendResult.SENT : ch.tryReceive().equals(ReceiveResult.value(element));
        });

        go.countDown();
        select.thread().interrupt();
        interruptSent.set(true);

        boolean completed = select.get();
        boolean partnerGotIt = partner.get();
        int leftInChannel = Collections.frequency(Fixtures.drain(ch), element);
        String where = kind + (selectReceives ? " receive" : " send") + " #" + element;
        if (selectReceives) {
            assertEquals(partnerGotIt ? 1 : 0, (completed ? 1 : 0) + leftInChannel, where + ": sent element taken once");
        } else {
            assertEquals(completed ? 1 : 0, (partnerGotIt ? 1 : 0) + leftInChannel, where + ": sent element arrives once");
        }
        Fixtures.assertWaiters(idle, 0, 0);
        Fixtures.assertIdle(ch);
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
