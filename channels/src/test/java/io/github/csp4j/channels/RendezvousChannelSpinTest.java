package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Async.Flavour;
import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.WaitNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spinner of {@link RendezvousChannel}: a lone plain waiter that waits in the channel's top
 * word, spinning and then parked, without the lock, until a partner claims it, a locked
 * operation moves it into its queue, or it leaves on interrupt or timeout.
 *
 * <p>How the tests show that a step needs no lock: the test thread holds the channel lock while
 * another thread takes the step. Whatever the other thread then does (a try-operation, leaving
 * on interrupt or timeout) proves the lock-free path; what the test thread does with the lock
 * (close, cancel: reentrant) meets a spinner it must absorb.
 */
@Timeout(30)
class RendezvousChannelSpinTest {

    /** Repetitions of the claim-then-close tests: the scheduler decides which path each round takes. */
    private static final int CLAIM_THEN_CLOSE_ROUNDS = 50;

    private static RendezvousChannel<Integer> spinningChannel(List<Integer> undelivered) {
        return spinningChannel(undelivered, false);
    }

    /**
     * A channel that spins at once; {@code oneToOne}: built with both hints (one sender, one
     * receiver), so that a spinner is claimed without its direction being read.
     */
    private static RendezvousChannel<Integer> spinningChannel(List<Integer> undelivered, boolean oneToOne) {
        return new RendezvousChannel<>(undelivered::add, oneToOne, 0);
    }

    /** Both thread kinds, without and with both hints: the lock-free hand-offs take either claim. */
    static Stream<Arguments> flavoursAndHints() {
        return Stream.of(Flavour.values()).flatMap(f -> Stream.of(Arguments.of(f, false), Arguments.of(f, true)));
    }

    /** Starts {@code send(element)} and waits until it is the spinner (the caller holds the lock). */
    private static Async<Void> spinningSend(Flavour flavour, RendezvousChannel<Integer> ch, int element) {
        Async<Void> sender = Async.start(flavour, () -> {
            ch.send(element);
            return null;
        });
        awaitWaiting(ch, "waiting senders", sender);
        return sender;
    }

    /** Starts {@code receive()} and waits until it is the spinner (the caller holds the lock). */
    private static Async<Integer> spinningReceive(Flavour flavour, RendezvousChannel<Integer> ch) {
        Async<Integer> receiver = Async.start(flavour, ch::receive);
        awaitWaiting(ch, "waiting receivers", receiver);
        return receiver;
    }

    /** A try-send on a platform thread of its own: one that does not hold the test thread's lock. */
    private static SendResult trySendElsewhere(RendezvousChannel<Integer> ch, int element) throws InterruptedException {
        AtomicReference<SendResult> sent = new AtomicReference<>();
        Thread.ofPlatform().start(() -> sent.set(ch.trySend(element))).join();
        return sent.get();
    }

    /** A try-receive on a platform thread of its own: one that does not hold the test thread's lock. */
    private static ReceiveResult<Integer> tryReceiveElsewhere(RendezvousChannel<Integer> ch) throws InterruptedException {
        AtomicReference<ReceiveResult<Integer>> got = new AtomicReference<>();
        Thread.ofPlatform().start(() -> got.set(ch.tryReceive())).join();
        return got.get();
    }

    /** Waits until the channel reports the spinner (or a queued waiter) of the given direction. */
    private static void awaitWaiting(RendezvousChannel<Integer> ch, String what, Async<?> call) {
        long deadline = System.nanoTime() + Async.DEADLINE.toNanos();
        for (int i = 0; !ch.toString().contains(what + "=1"); i++) {
            if (call.isDone() || System.nanoTime() - deadline > 0) {
                fail("expected " + what + "=1, channel " + ch + ", call done: " + call.isDone());
            }
            Async.backOff(i);
        }
    }

    /** Proves: a receiver takes the element of a spinning sender while another thread holds the lock. */
    @ParameterizedTest
    @MethodSource("flavoursAndHints")
    void aSpinningSenderIsReceivedWithoutTheLock(Flavour flavour, boolean oneToOne) {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>(), oneToOne);
        Async<Void> sender;
        ch.lock().lock();
        try {
            sender = spinningSend(flavour, ch, 7);
            ReceiveResult<Integer> got = tryReceiveElsewhere(ch);
            assertTrue(got.isValue(), String.valueOf(got));
            assertEquals(7, got.value());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            ch.lock().unlock();
        }
        sender.get();
        assertTrue(ch.toString().contains("waiting senders=0"), ch.toString());
    }

    /** Proves: a try-send hands its element to a spinning receiver while another thread holds the lock. */
    @ParameterizedTest
    @MethodSource("flavoursAndHints")
    void aSpinningReceiverIsServedWithoutTheLock(Flavour flavour, boolean oneToOne) throws InterruptedException {
        assertReceiverServedWithoutTheLock(flavour, oneToOne, false, 8);
    }

    /**
     * Starts a receive while the test thread holds the lock, waits until it is the spinner (and,
     * if {@code parked}, until it has parked), and proves that a try-send from another thread
     * hands it {@code element}.
     */
    private static void assertReceiverServedWithoutTheLock(Flavour flavour, boolean oneToOne, boolean parked,
            int element) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>(), oneToOne);
        Async<Integer> receiver;
        ch.lock().lock();
        try {
            if (parked) {
                receiver = Async.blocked(flavour, ch::receive);
                assertTrue(ch.toString().contains("waiting receivers=1"), ch.toString());
            } else {
                receiver = spinningReceive(flavour, ch);
            }
            assertEquals(SendResult.SENT, trySendElsewhere(ch, element));
        } finally {
            ch.lock().unlock();
        }
        assertEquals(element, receiver.get());
    }

    /** Proves: a sender that was spinning when the channel closed is still delivered (it was waiting). */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void closeKeepsASpinningSenderDeliverable(Flavour flavour) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>());
        Async<Void> sender;
        ch.lock().lock();
        try {
            sender = spinningSend(flavour, ch, 9);
            assertTrue(ch.close());
            assertFalse(ch.isClosedForReceive(), "a waiting sender is left: " + ch);
            assertEquals(9, ch.receive());
            assertTrue(ch.isClosedForReceive());
        } finally {
            ch.lock().unlock();
        }
        sender.get();
        assertTrue(ch.receiveCatching().isClosed());
    }

    /** Proves: cancel fails a spinning sender, which keeps its element (the callback gets nothing). */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void cancelFailsASpinningSender(Flavour flavour) {
        List<Integer> undelivered = Support.syncList();
        RendezvousChannel<Integer> ch = spinningChannel(undelivered);
        Async<Void> sender;
        ch.lock().lock();
        try {
            sender = spinningSend(flavour, ch, 10);
            assertTrue(ch.cancel());
        } finally {
            ch.lock().unlock();
        }
        ChannelClosedException e = sender.failure(ChannelClosedException.class);
        assertTrue(e.isCancelled(), e.toString());
        assertEquals(List.of(), undelivered);
        assertTrue(ch.tryReceive().isClosed());
    }

    /** Proves: a receiver that was spinning when the channel closed (no sender left) sees "closed". */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void closeEndsASpinningReceiver(Flavour flavour) {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>());
        Async<ReceiveResult<Integer>> receiver;
        ch.lock().lock();
        try {
            receiver = Async.start(flavour, ch::receiveCatching);
            awaitWaiting(ch, "waiting receivers", receiver);
            assertTrue(ch.close());
        } finally {
            ch.lock().unlock();
        }
        assertTrue(receiver.get().isClosed());
    }

    /**
     * Proves (both hints, where a claim touches only the channel's fields): a parked receiver that
     * the test thread claims without the lock, and then closes the channel, completes with the
     * element. When the close comes before the woken receiver looks (it cannot then get past the
     * lock until the test thread lets go), the receiver finds a marker in {@code top} instead of a
     * sign of the claim and must tell the claim from an absorption into the queue (which it was
     * not: waiting for a completion there would hang) and from the close. Which of the two comes
     * first is up to the scheduler, hence the repetitions.
     */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aHintedReceiverClaimedJustBeforeACloseGetsItsElement(Flavour flavour) {
        for (int i = 0; i < CLAIM_THEN_CLOSE_ROUNDS; i++) {
            RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>(), true);
            Async<Integer> receiver;
            ch.lock().lock();
            try {
                receiver = Async.blocked(flavour, ch::receive);
                assertEquals(SendResult.SENT, ch.trySend(i));
                assertTrue(ch.close());
            } finally {
                ch.lock().unlock();
            }
            assertEquals(i, receiver.get());
            assertTrue(ch.tryReceive().isClosed());
        }
    }

    /** Proves: the same for a parked sender whose element the test thread takes just before closing: the send returns. */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aHintedSenderClaimedJustBeforeACloseIsDelivered(Flavour flavour) {
        for (int i = 0; i < CLAIM_THEN_CLOSE_ROUNDS; i++) {
            RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>(), true);
            Async<Void> sender;
            ch.lock().lock();
            try {
                sender = Async.blockedSend(flavour, ch, i);
                ReceiveResult<Integer> got = ch.tryReceive();
                assertTrue(got.isValue(), String.valueOf(got));
                assertEquals(i, got.value());
                assertTrue(ch.close());
            } finally {
                ch.lock().unlock();
            }
            sender.get();
            assertTrue(ch.isClosedForReceive(), ch.toString());
        }
    }

    /** Proves: a spinner that parked (its spin over) is still served without the lock. */
    @ParameterizedTest
    @MethodSource("flavoursAndHints")
    void aParkedSpinnerIsServedWithoutTheLock(Flavour flavour, boolean oneToOne) throws InterruptedException {
        assertReceiverServedWithoutTheLock(flavour, oneToOne, true, 11);
    }

    /**
     * Proves: a blocking send whose try found nobody, and that finds a receiver installed as the
     * spinner by the time it would wait itself (the two raced), hands its element to that
     * receiver without the lock instead of queueing.
     */
    @ParameterizedTest
    @MethodSource("flavoursAndHints")
    void aBlockingSendPairsWithASpinnerThatCameAfterItsTry(Flavour flavour, boolean oneToOne) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>(), oneToOne);
        Async<Integer> receiver;
        ch.lock().lock();
        try {
            receiver = spinningReceive(flavour, ch);
            WaitNode send = awaitBlockingElsewhere(ch, true, 14);
            assertEquals(WaitNode.DONE, send.status());
        } finally {
            ch.lock().unlock();
        }
        assertEquals(14, receiver.get());
    }

    /** Proves: the same for a blocking receive that finds a sender installed after its try. */
    @ParameterizedTest
    @MethodSource("flavoursAndHints")
    void aBlockingReceivePairsWithASpinnerThatCameAfterItsTry(Flavour flavour, boolean oneToOne) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>(), oneToOne);
        Async<Void> sender;
        ch.lock().lock();
        try {
            sender = spinningSend(flavour, ch, 15);
            WaitNode receive = awaitBlockingElsewhere(ch, false, null);
            assertEquals(WaitNode.DONE, receive.status());
            assertEquals(15, receive.item());
        } finally {
            ch.lock().unlock();
        }
        sender.get();
        assertTrue(ch.toString().contains("waiting receivers=0, waiting senders=0"), ch.toString());
    }

    /**
     * Runs the wait of a blocking operation whose try has already failed ({@code awaitBlocking})
     * on a platform thread of its own, which does not hold the test thread's lock, and fails
     * unless it completed while the test thread still holds the lock. Returns its node.
     */
    private static WaitNode awaitBlockingElsewhere(RendezvousChannel<Integer> ch, boolean send, Integer element)
            throws InterruptedException {
        AtomicReference<WaitNode> node = new AtomicReference<>();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread waiting = Thread.ofPlatform().start(() -> {
            node.set(new WaitNode(send, element));
            try {
                outcome.set(ch.awaitBlocking(node.get(), Parking.NO_DEADLINE));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        if (!waiting.join(Async.DEADLINE)) {
            fail("the wait did not complete while the test holds the lock (it waits for the lock or a partner): " + ch);
        }
        assertEquals(Boolean.TRUE, outcome.get(), "awaitBlocking's outcome");
        return node.get();
    }

    /**
     * Proves: an interrupted spinner leaves without the lock and took nothing: it throws, and a
     * try-send afterwards finds nobody to hand its element to.
     */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void anInterruptedSpinnerLeavesWithoutTheLock(Flavour flavour) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>());
        ch.lock().lock();
        try {
            Async<Integer> receiver = Async.blocked(flavour, ch::receive);
            receiver.interrupt();
            receiver.failure(InterruptedException.class); // returned while the test holds the lock
            assertFalse(receiver.interruptedAtEnd(), "InterruptedException clears the interrupt status");
            assertEquals(SendResult.FULL, trySendElsewhere(ch, 12), "the interrupted receiver left no claim: " + ch);
        } finally {
            ch.lock().unlock();
        }
        assertTrue(ch.toString().contains("waiting receivers=0, waiting senders=0"), ch.toString());
    }

    /** Proves: a timed send whose deadline passes while it is the spinner leaves without the lock and sent nothing. */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aTimedOutSpinnerLeavesWithoutTheLock(Flavour flavour) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>());
        ch.lock().lock();
        try {
            Async<Boolean> sender = Async.start(flavour, () -> ch.send(13, Duration.ofMillis(20)));
            assertFalse(sender.get(), "the send timed out");
            ReceiveResult<Integer> got = tryReceiveElsewhere(ch);
            assertTrue(got.isEmpty(), "the timed-out sender left nothing to receive: " + got);
        } finally {
            ch.lock().unlock();
        }
    }

    /**
     * Proves: a spinner that a second waiter moved into the queue and that is then interrupted
     * leaves the queue and sent nothing; the second waiter is served next.
     */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void anInterruptedSpinnerLeavesTheQueueItWasMovedTo(Flavour flavour) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>());
        Async<Void> first = Async.blockedSend(flavour, ch, 1);
        Async<Void> second = Async.blockedSend(flavour, ch, 2); // queues under the lock, absorbing the first
        first.interrupt();
        first.failure(InterruptedException.class);
        assertTrue(ch.toString().contains("waiting senders=1"), ch.toString());
        assertEquals(2, ch.receive());
        second.get();
        assertTrue(ch.tryReceive().isEmpty(), "the interrupted sender's element never arrives");
    }

    /**
     * Proves: a spinner whose spin finds no partner waits first in line (it came before every
     * queued waiter), and the futile spin pauses spinning on the channel.
     */
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aFutileSpinnerKeepsItsTurnAndPausesSpinning(Flavour flavour) throws InterruptedException {
        RendezvousChannel<Integer> ch = spinningChannel(new ArrayList<>());
        Async<Void> first = Async.blocked(flavour, () -> {
            ch.send(1);
            return null;
        });
        Async<Void> second = Async.blockedSend(flavour, ch, 2);
        assertEquals(1, ch.receive());
        assertEquals(2, ch.receive());
        first.get();
        second.get();
        assertFalse(ch.spinBeforeParking(), "a futile spin pauses spinning");
    }

    /**
     * Proves the spin credit's arithmetic: the first spin after the given count; a pause after a
     * futile spin, doubling with each futile spin in a row up to the maximum; a spin that finds
     * its partner resets the pause.
     */
    @Test
    void spinCreditPausesLongerAfterEachFutileSpinInARow() {
        RendezvousChannel<Integer> ch = new RendezvousChannel<>(e -> { }, false, 3);
        for (int i = 0; i < 3; i++) {
            assertFalse(ch.spinBeforeParking(), "operation " + i + " before the first spin");
        }
        assertTrue(ch.spinBeforeParking());
        ch.spinEnded(true);
        assertTrue(ch.spinBeforeParking(), "spinning goes on while spins find partners");
        int expected = RendezvousChannel.SPIN_PAUSE;
        for (int round = 0; round < 10; round++) {
            ch.spinEnded(false);
            assertEquals(expected, pauseLength(ch), "pause after " + (round + 1) + " futile spins in a row");
            expected = Math.min(expected * 2, RendezvousChannel.MAX_SPIN_PAUSE);
        }
        assertEquals(RendezvousChannel.MAX_SPIN_PAUSE, expected);
        ch.spinEnded(true);
        ch.spinEnded(false);
        assertEquals(RendezvousChannel.SPIN_PAUSE, pauseLength(ch), "a spin that found its partner resets the pause");
    }

    /** Counts the operations that park without spinning until the channel allows a spin again. */
    private static int pauseLength(RendezvousChannel<Integer> ch) {
        int n = 0;
        while (!ch.spinBeforeParking()) {
            n++;
        }
        return n;
    }

    /** Proves: a channel built by the builder waits {@link RendezvousChannel#FIRST_SPIN_AFTER} operations before its first spin. */
    @Test
    void aNewChannelSpinsOnlyAfterSomeOperations() {
        Channel<Integer> built = Channel.<Integer>builder().build();
        RendezvousChannel<Integer> ch = (RendezvousChannel<Integer>) built;
        for (int i = 0; i < RendezvousChannel.FIRST_SPIN_AFTER; i++) {
            assertFalse(ch.spinBeforeParking());
        }
        assertTrue(ch.spinBeforeParking());
    }
}
