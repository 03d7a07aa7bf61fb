package io.github.csp4j.select;

import static io.github.csp4j.channels.testkit.ScenarioThreads.join;
import static io.github.csp4j.channels.testkit.ScenarioThreads.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.testkit.ScenarioThreads;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckSettings;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of small select scenarios: selects racing selects, plain operations,
 * closes and themselves, over rendezvous channels (with and without both hints) and buffered(1)
 * channels.
 *
 * <p>Each test is a program of two to four platform threads whose interleavings
 * {@link Lincheck#runConcurrentTest} explores (Lincheck models {@code LockSupport.park/unpark},
 * {@code ReentrantLock} and atomics). Blocking operations are paired, so every correct
 * interleaving completes; one that leaves a thread parked is reported as a hang. The main thread
 * starts the threads, joins them and checks the outcome.
 *
 * <p>{@link #nonBlockingSelectActsAtOneInstant} found a bug when it was written: a select polled
 * its clauses one after the other with each channel's lock-free try-operation, so its default
 * could be taken although some clause could complete at every instant (Go's select locks all its
 * channels for the poll, and Go's runtime tests TestNonblockSelectRace/2 check exactly this).
 * A select with a default now confirms, holding its channels' locks, that no clause can complete
 * before it takes the default.
 *
 * <p>The scenarios over hinted rendezvous channels check the lock-free protocol of a select
 * there (the channel is marked before the node is installed, and the mark is released after the
 * select): a {@code tryInstall} that does not mark fails all three, and a {@code released} that
 * clears the mark while another node of the select is installed fails
 * {@link #sameHintedChannelInTwoClausesTakesOneElement} (measured in session 14).
 *
 * <p>The scenarios use {@link Select#selectInOrder}, whose clause order is fixed, so that an
 * interleaving Lincheck found can be replayed; the fair {@link Select#select} differs only in
 * the order in which it tries the clauses.
 *
 * <p>Settings and cost: as in {@code BlockingChannelLincheckTest} (channels module): a few
 * seconds per test plus a few milliseconds per invocation; {@code -Dlincheck.invocations=N} searches
 * deeper; the loop bound is raised to 2,000 through Lincheck's internal
 * {@code runConcurrentTestInternal} (with the default, contended {@code ReentrantLock} acquires
 * are reported as livelocks); buffered channels are built with the {@code singleProducer()}
 * hint (see {@link #buffered1()}); {@code BlockingChannelLincheckTest} explains both and checks
 * that the exploration is not vacuous; and each scenario publishes its state in the static
 * field {@link #state}, so that Lincheck treats the channels as shared.
 */
class SelectBlockingLincheckTest {
    static final int INVOCATIONS = Integer.getInteger("lincheck.invocations", 500);

    /** The shared state of one scenario run; written by one thread each, read after the joins. */
    static final class State extends ScenarioThreads.Failures {
        final Channel<Integer> a;
        final Channel<Integer> b;
        volatile Object r1;
        volatile Object r2;
        volatile Object r3;
        volatile Object r4;

        State(Channel<Integer> a, Channel<Integer> b) {
            this.a = a;
            this.b = b;
        }
    }

    static volatile State state;

    /** See {@code BlockingChannelLincheckTest.SETTINGS}: the loop bound raised to 2,000. */
    static final LincheckSettings SETTINGS = new LincheckSettings(true, 10, 2000, 20);

    /**
     * A buffered(1) channel for a scenario with one sending thread per channel: the
     * {@code singleProducer()} hint picks JCTools' SPMC queue, whose constructor has no loop (the
     * default MPMC queue's 128-iteration initialisation loop derails Lincheck's exploration; see
     * {@code BlockingChannelLincheckTest}).
     */
    static Channel<Integer> buffered1() {
        return Channel.<Integer>builder().capacity(1).singleProducer().build();
    }

    /**
     * A rendezvous channel built with both hints, for a scenario with one sending and one
     * receiving thread on it: its plain operations hand over through the channel's own fields,
     * and a select installs its nodes lock-free after marking the channel (the hinted protocol).
     */
    static Channel<Integer> hintedRendezvous() {
        return Channel.<Integer>builder().singleProducer().singleConsumer().build();
    }

    static void check(Runnable block) {
        Lincheck.runConcurrentTestInternal$lincheck(INVOCATIONS, SETTINGS, block);
    }

    /**
     * A non-blocking select acts on the state of its channels at one instant (Go's
     * TestNonblockSelectRace in miniature; our Javadoc: the default is "taken only when no other
     * clause can complete at that instant"). b holds an element; another thread makes a ready
     * and only then drains b: at every instant one of them is ready, so the select in the other
     * thread must never take its default.
     */
    @Test
    void nonBlockingSelectActsAtOneInstant() {
        check(() -> {
            State s = new State(buffered1(), buffered1());
            state = s;
            if (s.b.trySend(1) != io.github.csp4j.channels.SendResult.SENT) {
                throw new AssertionError("setup");
            }
            Thread selector = start(s, () -> s.r1 = Select.selectInOrder(
                    Select.onReceive(s.a, v -> "a"),
                    Select.onReceive(s.b, v -> "b"),
                    Select.onDefault(() -> "default")));
            Thread mover = start(s, () -> {
                s.a.send(2); // room: does not block
                s.r2 = s.b.tryReceive();
            });
            join(selector, mover);
            assertNull(s.failure);
            assertTrue(!"default".equals(s.r1),
                    "the select took its default although a or b was ready at every instant; the other thread's drain of b got " + s.r2);
        });
    }

    /**
     * Two selects, each offering its element on two rendezvous channels, race two receiving
     * selects: each element is delivered exactly once, and each send select completes exactly
     * one clause.
     */
    @Test
    void racingSelectsDeliverExactlyOnce() {
        check(() -> {
            State s = new State(Channel.rendezvous(), Channel.rendezvous());
            state = s;
            Thread t1 = start(s, () -> s.r1 = Select.selectInOrder(
                    Select.onSend(s.a, 1, () -> "a"), Select.onSend(s.b, 1, () -> "b")));
            Thread t2 = start(s, () -> s.r2 = Select.selectInOrder(
                    Select.onSend(s.b, 2, () -> "b"), Select.onSend(s.a, 2, () -> "a")));
            Thread t3 = start(s, () -> s.r3 = Select.selectInOrder(
                    Select.onReceive(s.a, v -> "a" + v), Select.onReceive(s.b, v -> "b" + v)));
            Thread t4 = start(s, () -> s.r4 = Select.selectInOrder(
                    Select.onReceive(s.b, v -> "b" + v), Select.onReceive(s.a, v -> "a" + v)));
            join(t1, t2, t3, t4);
            assertNull(s.failure);
            List<String> received = List.of((String) s.r3, (String) s.r4);
            // what each sender says it sent must be exactly what the receivers got
            String sent1 = s.r1 + "1";
            String sent2 = s.r2 + "2";
            assertTrue(received.contains(sent1) && received.contains(sent2),
                    "senders: " + sent1 + ", " + sent2 + "; receivers: " + received);
        });
    }

    /**
     * A select sending on two rendezvous channels races a close of one of them (Go's
     * doubleselect.go in miniature); a receiver waits on each channel. If the select returned,
     * exactly one receiver got the element; if it failed with "closed", none did.
     */
    @Test
    void selectSendRacingClose() {
        check(() -> {
            State s = new State(Channel.rendezvous(), Channel.rendezvous());
            state = s;
            Thread sender = start(s, () -> {
                try {
                    s.r1 = Select.selectInOrder(Select.onSend(s.a, 1, () -> "a"), Select.onSend(s.b, 1, () -> "b"));
                } catch (ChannelClosedException e) {
                    s.r1 = "closed";
                }
            });
            Thread ra = start(s, () -> s.r2 = s.a.receiveCatching());
            Thread rb = start(s, () -> s.r3 = s.b.receiveCatching());
            Thread closer = start(s, () -> {
                s.b.close();
                sender.join(); // then nobody sends on a any more: release its receiver
                s.a.close();
            });
            join(sender, ra, rb, closer);
            assertNull(s.failure);
            ReceiveResult<?> gotA = (ReceiveResult<?>) s.r2;
            ReceiveResult<?> gotB = (ReceiveResult<?>) s.r3;
            String outcome = "select: " + s.r1 + "; a: " + gotA + ", b: " + gotB;
            switch ((String) s.r1) {
                case "a" -> assertTrue(gotA.isValue() && gotB.isClosed(), outcome);
                case "b" -> assertTrue(gotB.isValue() && gotA.isClosed(), outcome);
                default -> assertTrue(gotA.isClosed() && gotB.isClosed(), outcome);
            }
        });
    }

    /**
     * Two selects each offer to send and to receive on one rendezvous channel (Go's
     * TestSelfSelect in miniature): they must pair with each other, never with themselves.
     */
    @Test
    void selfSelectPairsOnlyWithTheOther() {
        check(() -> {
            State s = new State(Channel.rendezvous(), null);
            state = s;
            Thread t1 = start(s, () -> s.r1 = Select.selectInOrder(
                    Select.onSend(s.a, 1, () -> "sent"), Select.onReceive(s.a, v -> "got" + v)));
            Thread t2 = start(s, () -> s.r2 = Select.selectInOrder(
                    Select.onReceive(s.a, v -> "got" + v), Select.onSend(s.a, 2, () -> "sent")));
            join(t1, t2);
            assertNull(s.failure);
            String outcome = s.r1 + " / " + s.r2;
            assertTrue(("sent".equals(s.r1) && "got1".equals(s.r2)) || ("got2".equals(s.r1) && "sent".equals(s.r2)), outcome);
        });
    }

    /**
     * A select that loses on a channel leaves that channel's waiter queue intact (Go's
     * select6.go in miniature): a plain receiver and a select both wait on a; the select may win
     * on b instead and then receives from a with a plain receive. Both elements sent on a reach
     * the two receives on a.
     */
    @Test
    void losingSelectKeepsTheQueueIntact() {
        check(() -> {
            State s = new State(Channel.rendezvous(), Channel.rendezvous());
            state = s;
            Thread plain = start(s, () -> s.r1 = s.a.receive());
            Thread selector = start(s, () -> {
                String won = Select.selectInOrder(Select.onReceive(s.a, v -> "a" + v), Select.onReceive(s.b, v -> "b"));
                s.r2 = won;
                s.r3 = won.startsWith("a") ? "b" + s.b.receive() : "a" + s.a.receive();
            });
            Thread bSender = start(s, () -> s.b.send(9));
            Thread aSender = start(s, () -> {
                s.a.send(1);
                s.a.send(2);
            });
            join(plain, selector, bSender, aSender);
            assertNull(s.failure);
            String fromSelector = ((String) s.r2).startsWith("a") ? (String) s.r2 : (String) s.r3;
            String outcome = "plain: " + s.r1 + ", select: " + s.r2 + ", then " + s.r3;
            assertEquals(3, (Integer) s.r1 + Integer.parseInt(fromSelector.substring(1)), outcome);
        });
    }

    /**
     * A select receives from two hinted rendezvous channels, each fed by one plain sender, then
     * receives the other channel's element with a plain receive. Proves, over every interleaving
     * Lincheck tries: the select takes exactly one element, the plain receive the other (nothing
     * lost, nothing twice), and nobody stays blocked, whether a sender claimed the select's
     * installed node (a partner that finds the channel marked claims through the select's
     * waiter) or the select took a spinning sender; and the select's mark, released when it ends,
     * does not make the later plain receive look like a select to its sender.
     */
    @Test
    void selectReceiveOverHintedRendezvousTakesExactlyOne() {
        check(() -> {
            State s = new State(hintedRendezvous(), hintedRendezvous());
            state = s;
            Thread receiver = start(s, () -> {
                String won = Select.selectInOrder(Select.onReceive(s.a, v -> "a" + v), Select.onReceive(s.b, v -> "b" + v));
                s.r1 = won;
                s.r2 = won.startsWith("a") ? "b" + s.b.receive() : "a" + s.a.receive();
            });
            Thread aSender = start(s, () -> s.a.send(1));
            Thread bSender = start(s, () -> s.b.send(2));
            join(receiver, aSender, bSender);
            assertNull(s.failure);
            List<String> got = List.of((String) s.r1, (String) s.r2);
            assertTrue(got.contains("a1") && got.contains("b2"), "select, then plain receive: " + got);
        });
    }

    /**
     * The send side of the scenario above: a select offers 1 on a and 2 on b (hinted rendezvous
     * channels, one plain receiver each), then sends the other clause's element with a plain
     * send. Proves: each receiver gets exactly the element that was offered on its channel, once,
     * and the select reports the clause whose receiver got its element.
     */
    @Test
    void selectSendOverHintedRendezvousSendsExactlyOne() {
        check(() -> {
            State s = new State(hintedRendezvous(), hintedRendezvous());
            state = s;
            Thread sender = start(s, () -> {
                String won = Select.selectInOrder(Select.onSend(s.a, 1, () -> "a"), Select.onSend(s.b, 2, () -> "b"));
                s.r1 = won;
                if (won.equals("a")) {
                    s.b.send(2);
                } else {
                    s.a.send(1);
                }
            });
            Thread aReceiver = start(s, () -> s.r2 = s.a.receive());
            Thread bReceiver = start(s, () -> s.r3 = s.b.receive());
            join(sender, aReceiver, bReceiver);
            assertNull(s.failure);
            String outcome = "select: " + s.r1 + "; a got " + s.r2 + ", b got " + s.r3;
            assertEquals(1, s.r2, outcome);
            assertEquals(2, s.r3, outcome);
            assertTrue("a".equals(s.r1) || "b".equals(s.r1), outcome);
        });
    }

    /**
     * A select lists one hinted rendezvous channel in two receive clauses, so its second
     * installation there fails while its first node waits in the channel; a plain sender sends
     * one element, then a second. Proves: the select takes exactly the first element through one
     * clause, the plain receive after it the second, and nobody stays blocked. The channel's mark
     * must outlive the failed second node while the first is installed: a sender that took the
     * first node for a plain spinner would hand it an element that nobody reads (the bug fixed in
     * session 13, which this scenario finds when the fix is reverted).
     */
    @Test
    void sameHintedChannelInTwoClausesTakesOneElement() {
        check(() -> {
            State s = new State(hintedRendezvous(), null);
            state = s;
            Thread receiver = start(s, () -> {
                s.r1 = Select.selectInOrder(Select.onReceive(s.a, v -> "first" + v), Select.onReceive(s.a, v -> "second" + v));
                s.r2 = s.a.receive();
            });
            Thread sender = start(s, () -> {
                s.a.send(1);
                s.a.send(2);
            });
            join(receiver, sender);
            assertNull(s.failure);
            String outcome = "select: " + s.r1 + ", then " + s.r2;
            assertTrue("first1".equals(s.r1) || "second1".equals(s.r1), outcome);
            assertEquals(2, s.r2, outcome);
        });
    }
}
