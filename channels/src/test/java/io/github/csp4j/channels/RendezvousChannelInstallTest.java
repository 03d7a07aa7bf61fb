package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.spi.SelectableChannel;
import io.github.csp4j.channels.spi.WaitNode;
import io.github.csp4j.channels.spi.Waiter;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A select's node installed in a {@link RendezvousChannel}'s top word
 * ({@link SelectableChannel#tryInstall}; channels without both hints): taken by a partner without the lock through the
 * select's waiter, skipped once dead, withdrawn, absorbed behind by an operation of its own
 * direction, and ended by close and cancel. The waiter here stands for a select's: the test
 * thread plays the select and never parks, so a completion leaves the outcome in the node.
 *
 * <p>How a test shows that a step needs no lock: the test thread holds the channel lock while
 * another platform thread takes the step, with a bounded join.
 */
@Timeout(30)
class RendezvousChannelInstallTest {

    /** A channel without hints, or with both (then a partner tells a select's node by the channel's mark). */
    private static RendezvousChannel<Integer> channel(boolean bothHints) {
        return new RendezvousChannel<>(new ArrayList<Integer>()::add, bothHints, 0);
    }

    /** A channel without hints (tests with two threads of one direction). */
    private static RendezvousChannel<Integer> channel() {
        return channel(false);
    }

    /** A receive node of a select's waiter of its own (the test thread). */
    private static WaitNode receiveNode() {
        return new WaitNode(new Waiter(), false, 0, null);
    }

    /** A send node of {@code element}, of a select's waiter of its own (the test thread). */
    private static WaitNode sendNode(int element) {
        return new WaitNode(new Waiter(), true, 0, element);
    }

    /** Installs {@code node} in {@code ch}, which must take it, and returns it. */
    private static WaitNode installed(RendezvousChannel<Integer> ch, WaitNode node) {
        assertTrue(ch.tryInstall(node));
        return node;
    }

    /** Runs {@code call} on another thread ({@link #elsewhere}) while the test thread holds the lock of {@code ch}. */
    private static <T> T elsewhereWhileLocked(RendezvousChannel<Integer> ch, Callable<T> call) throws InterruptedException {
        ch.lock().lock();
        try {
            return elsewhere(call);
        } finally {
            ch.lock().unlock();
        }
    }

    /** Runs {@code call} on a platform thread of its own and returns its result; fails if it does not finish within 5 s. */
    private static <T> T elsewhere(Callable<T> call) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                out.set(call.call());
            } catch (Exception e) {
                out.set(e);
            }
        });
        if (!t.join(java.time.Duration.ofSeconds(5))) {
            t.interrupt();
            fail("the call did not finish: it waited for the lock the test thread holds");
        }
        if (out.get() instanceof Exception e) {
            throw new AssertionError(e);
        }
        @SuppressWarnings("unchecked")
        T result = (T) out.get();
        return result;
    }

    /** Proves: a try-send completes an installed receive node through its waiter, while another thread holds the lock. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anInstalledReceiveIsServedWithoutTheLock(boolean bothHints) throws InterruptedException {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode node = installed(ch, receiveNode());
        Waiter waiter = node.waiter();
        assertEquals(SendResult.SENT, elsewhereWhileLocked(ch, () -> ch.trySend(7)));
        assertSame(node, waiter.winner());
        assertEquals(WaitNode.DONE, node.status());
        assertEquals(7, node.item());
        assertEquals(SendResult.FULL, ch.trySend(8), "the node left top with its claim");
    }

    /** Proves: a try-receive takes the element of an installed send node, while another thread holds the lock. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anInstalledSendIsReceivedWithoutTheLock(boolean bothHints) throws InterruptedException {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode node = installed(ch, sendNode(5));
        Waiter waiter = node.waiter();
        assertEquals(5, elsewhereWhileLocked(ch, ch::tryReceiveRaw));
        assertSame(node, waiter.winner());
        assertEquals(WaitNode.DONE, node.status());
        assertNull(node.item(), "the channel owns the element now");
    }

    /** Proves: a blocking send (not only a try) pairs with an installed receive node at once, without the lock. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBlockingSendPairsWithAnInstalledReceive(boolean bothHints) throws InterruptedException {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode node = installed(ch, receiveNode());
        Waiter waiter = node.waiter();
        elsewhereWhileLocked(ch, () -> {
            ch.send(9);
            return null;
        });
        assertSame(node, waiter.winner());
        assertEquals(9, node.item());
    }

    /** Proves: a node of a select that won elsewhere is dead: a partner unlinks it, does not complete it, and finds nobody. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeadInstalledNodeIsUnlinkedAndSkipped(boolean bothHints) {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode node = installed(ch, receiveNode());
        Waiter waiter = node.waiter();
        assertTrue(waiter.tryCancel());
        assertEquals(SendResult.FULL, ch.trySend(1));
        assertEquals(WaitNode.PENDING, node.status());
        assertNull(node.item());
        assertTrue(ch.tryInstall(receiveNode()), "the dead node left top");
    }

    /** Proves: a try-operation of the installed node's own direction finds no partner there and leaves the node alone. */
    @Test
    void anInstalledNodeIsNoPartnerForItsOwnDirection() {
        RendezvousChannel<Integer> ch = channel();
        WaitNode send = installed(ch, sendNode(1));
        Waiter sending = send.waiter();
        assertEquals(SendResult.FULL, ch.trySend(2));
        assertTrue(sending.isWaiting());
        assertEquals(1, ch.tryReceiveRaw(), "still installed");

        RendezvousChannel<Integer> ch2 = channel();
        Waiter receiving = installed(ch2, receiveNode()).waiter();
        assertSame(SelectableChannel.NOTHING, ch2.tryReceiveRaw());
        assertTrue(receiving.isWaiting());
        assertEquals(SendResult.SENT, ch2.trySend(3), "still installed");
    }

    /** Proves: only an idle, open channel takes a node; withdrawing one makes it idle again. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void installTakesOnlyAnIdleChannelAndWithdrawFreesIt(boolean bothHints) {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode first = installed(ch, receiveNode());
        assertFalse(ch.tryInstall(receiveNode()), "one node in top at a time");
        ch.withdraw(first);
        assertEquals(SendResult.FULL, ch.trySend(1), "withdrawn: nobody receives");
        assertEquals(WaitNode.PENDING, first.status());
        assertTrue(ch.tryInstall(receiveNode()));

        RendezvousChannel<Integer> closed = channel(bothHints);
        closed.close();
        assertFalse(closed.tryInstall(receiveNode()), "closed: the select must see it, not wait");
    }

    /**
     * Proves: a blocking receive of the installed node's own direction queues behind it (FIFO:
     * the select came first); the node, now queued, is still withdrawn by its select, and the
     * next element then goes to that receiver.
     */
    @Test
    void aReceiverOfTheSameDirectionQueuesBehindTheInstalledNode() throws Exception {
        RendezvousChannel<Integer> ch = channel();
        WaitNode firstNode = installed(ch, receiveNode());
        Waiter first = firstNode.waiter();
        Async<Integer> plain = Async.start(Async.Flavour.VIRTUAL, ch::receive);
        awaitWaitingReceivers(ch, 2, plain);
        assertEquals(SendResult.SENT, ch.trySend(1));
        assertSame(firstNode, first.winner(), "the select came first");
        assertEquals(1, firstNode.item());
        assertFalse(plain.isDone());

        WaitNode secondNode = receiveNode();
        Async<Integer> plain2 = Async.start(Async.Flavour.VIRTUAL, ch::receive);
        awaitWaitingReceivers(ch, 2, plain2);
        assertFalse(ch.tryInstall(secondNode), "others wait: the select must register under the locks");
        ch.withdraw(secondNode); // never installed: a no-op
        assertEquals(SendResult.SENT, ch.trySend(2));
        assertEquals(SendResult.SENT, ch.trySend(3));
        assertEquals(java.util.Set.of(2, 3), java.util.Set.of(plain.get(), plain2.get()));
        assertEquals(WaitNode.PENDING, secondNode.status());
    }

    /** Proves: a select's node absorbed into the queue is unlinked by its withdrawal: the next element skips it. */
    @Test
    void anAbsorbedNodeIsWithdrawnUnderTheLock() throws Exception {
        RendezvousChannel<Integer> ch = channel();
        WaitNode node = installed(ch, receiveNode());
        Waiter waiter = node.waiter();
        Async<Integer> plain = Async.start(Async.Flavour.VIRTUAL, ch::receive);
        awaitWaitingReceivers(ch, 2, plain);
        assertTrue(waiter.tryCancel());
        ch.withdraw(node);
        assertTrue(ch.toString().contains("waiting receivers=1"), ch.toString());
        assertEquals(SendResult.SENT, ch.trySend(4));
        assertEquals(4, plain.get());
        assertEquals(WaitNode.PENDING, node.status());
    }

    /** Proves: close ends an installed receive with "closed" through its waiter. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void closeCompletesAnInstalledReceiveWithClosed(boolean bothHints) {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode node = installed(ch, receiveNode());
        Waiter waiter = node.waiter();
        ch.close();
        assertSame(node, waiter.winner());
        assertEquals(WaitNode.CLOSED, node.status());
    }

    /** Proves: an installed send outlives close and is still received (as any waiting sender); cancel ends it with "closed". */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anInstalledSendOutlivesCloseButNotCancel(boolean bothHints) {
        RendezvousChannel<Integer> ch = channel(bothHints);
        WaitNode node = installed(ch, sendNode(6));
        Waiter waiter = node.waiter();
        ch.close();
        assertFalse(ch.isClosedForReceive(), "a sender still waits");
        assertEquals(6, ch.tryReceiveRaw());
        assertSame(node, waiter.winner());
        assertTrue(ch.isClosedForReceive());

        RendezvousChannel<Integer> cancelled = channel(bothHints);
        WaitNode node2 = installed(cancelled, sendNode(7));
        Waiter waiter2 = node2.waiter();
        cancelled.cancel();
        assertSame(node2, waiter2.winner());
        assertEquals(WaitNode.CLOSED, node2.status());
        assertEquals(7, node2.item(), "the element stays with its sender");
    }

    /**
     * Proves: with both hints, a select that lists the channel in two clauses and fails to install
     * the second node keeps the mark of the first: releasing the second leaves it, and a partner
     * still claims the first through its waiter (without the mark it would hand over as to a
     * plain spinner, and the element would be lost).
     */
    @Test
    void withBothHintsReleasingAFailedSecondNodeKeepsTheFirstMarked() {
        RendezvousChannel<Integer> ch = channel(true);
        WaitNode first = installed(ch, receiveNode());
        WaitNode second = receiveNode();
        assertFalse(ch.tryInstall(second));
        ch.released(second);
        assertEquals(SendResult.SENT, ch.trySend(8));
        assertEquals(WaitNode.DONE, first.status());
        assertEquals(8, first.item());
    }

    /**
     * Proves: with both hints, the mark a select left in the channel does not confuse the plain
     * operations that follow: over many rounds the receiving thread alternates a select's node,
     * claimed by a try-send, with plain receives that meet a blocking sender in either order (one
     * receiving and one sending thread throughout: the hints hold), and every element arrives
     * once, in order.
     */
    @Test
    void withBothHintsPlainOperationsAfterASelectHandOverAsBefore() throws Exception {
        RendezvousChannel<Integer> ch = channel(true);
        for (int round = 0; round < 200; round++) {
            WaitNode node = installed(ch, receiveNode());
            assertEquals(SendResult.SENT, ch.trySend(-round));
            assertEquals(-round, node.item());
            int base = round * 3;
            Async<Void> sender = Async.start(Async.Flavour.VIRTUAL, () -> {
                for (int i = 1; i <= 3; i++) {
                    ch.send(base + i);
                }
                return null;
            });
            for (int i = 1; i <= 3; i++) {
                assertEquals(base + i, ch.receive());
            }
            sender.get();
        }
    }

    private static void awaitWaitingReceivers(RendezvousChannel<Integer> ch, int n, Async<?> call) {
        long deadline = System.nanoTime() + Async.DEADLINE.toNanos();
        for (int i = 0; !ch.toString().contains("waiting receivers=" + n); i++) {
            if (call.isDone() || System.nanoTime() - deadline > 0) {
                fail("expected waiting receivers=" + n + ", channel " + ch + ", call done: " + call.isDone());
            }
            Async.backOff(i);
        }
    }
}
