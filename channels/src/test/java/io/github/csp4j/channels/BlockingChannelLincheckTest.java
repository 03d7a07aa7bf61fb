package io.github.csp4j.channels;

import static io.github.csp4j.channels.testkit.ScenarioThreads.join;
import static io.github.csp4j.channels.testkit.ScenarioThreads.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.testkit.ScenarioThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.LincheckSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lincheck model checking of the <em>blocking</em> channel operations (send, receive,
 * receiveCatching) racing close and cancel, on rendezvous (parking at once, and spinning first),
 * buffered(1) and unbounded channels.
 *
 * <p>Each test is a small program of three platform threads (Lincheck follows platform threads
 * and models {@code LockSupport.park/unpark}, {@code ReentrantLock} and the atomics the channels
 * use) whose interleavings {@link Lincheck#runConcurrentTest} explores systematically; the main
 * thread starts them, joins them and checks the outcome. Blocking operations are paired with
 * partners or with a close, so that every correct interleaving completes; an interleaving in
 * which a thread stays parked is reported by Lincheck as a hang ("Concurrent test has hung"),
 * which is how a lost wake-up or a sender stranded by a premature "closed" shows. The outcome
 * checked after the joins: every element whose send returned normally was received exactly
 * once, in order (or handed to the undelivered-element callback), and no element whose send
 * failed was.
 *
 * <p>{@code closeRacingSends(RENDEZVOUS)} fails, on a bug: a receive on a rendezvous channel can
 * report "closed" while a sender that was waiting at the close is still queued, because
 * {@code RendezvousChannel.tryReceiveInternal} reads "no waiting sender" and "closed" at two
 * different instants; the next receive then gets the element, and if there is none, the sender
 * stays blocked forever.
 *
 * <p>The linearizability of the non-blocking operations against a sequential model is tested by
 * {@code ChannelLincheckTest}.
 *
 * <h2>Cost and settings</h2>
 * Each {@code runConcurrentTest} call costs a few seconds of fixed overhead (Lincheck installs
 * its agent and re-transforms the classes involved) plus a few milliseconds per invocation on a
 * loaded two-core machine: hence few calls with 500 invocations each (the rendezvous bug below
 * was found with 500, not always with 150). Pass {@code -Dlincheck.invocations=N} for a deeper
 * search.
 *
 * <p>Loops need care. Lincheck switches threads after 10 iterations of a loop and reports a
 * livelock after a loop bound (default 50). {@code ReentrantLock}'s acquire loop under
 * contention runs beyond 300 iterations in Lincheck's model, which it would report as a
 * livelock although the lock is free; so {@link #SETTINGS} raise the bound to 2,000 (a real hang
 * parks and is reported at once), through {@code runConcurrentTestInternal} (internal API of the
 * pinned Lincheck 3.7; the public {@code runConcurrentTest} takes no settings). And a buffered
 * channel's default JCTools MPMC queue initialises its sequence slots in a constructor loop of
 * 128 iterations (capacity + 64, rounded up), which Lincheck takes for a spin lock of the
 * creating thread, after which it explores only two or three interleavings and every test
 * passes vacuously (raising the switch threshold above 128 avoids that, but then Lincheck no
 * longer finds the rendezvous bug below in thousands of invocations). Our scenarios have one
 * sending thread each, so buffered(1) is built with the {@code singleProducer()} hint, which
 * picks JCTools' SPMC queue: no constructor loop, and the same {@code BufferedChannel} logic.
 * {@link #explorationIsNotVacuous} checks that Lincheck reaches an interleaving that needs a
 * switch in the middle of a thread.
 *
 * <p>Lincheck treats an object created inside the test block as thread-local until it is
 * written to shared memory; objects that reach other threads only through lambda captures stay
 * "local" and would not be interleaved at all. Each scenario therefore publishes its state
 * object in the static field {@link #state} first.
 */
class BlockingChannelLincheckTest {
    static final int INVOCATIONS = Integer.getInteger("lincheck.invocations", 500);

    /** The channel kinds under test. */
    enum Kind {
        RENDEZVOUS, RENDEZVOUS_SPINNING, RENDEZVOUS_ONE_TO_ONE, BUFFERED_1, UNBOUNDED;

        <T> Channel<T> make(Consumer<? super T> onUndelivered) {
            ChannelBuilder<T> b = Channel.<T>builder().onUndeliveredElement(onUndelivered);
            return switch (this) {
                case RENDEZVOUS -> b.build();
                // A new rendezvous channel parks its first blocking operations at once; this one
                // lets every blocking operation try the lock-free spinner path first.
                case RENDEZVOUS_SPINNING -> new RendezvousChannel<>(onUndelivered, false, 0);
                // Both hints, spinning at once: hand-offs through the channel's own fields. Only
                // for scenarios with one sending and one receiving thread (a close is neither).
                case RENDEZVOUS_ONE_TO_ONE -> new RendezvousChannel<>(onUndelivered, true, 0);
                // One sending thread per scenario: the hint picks JCTools' SPMC queue, whose
                // constructor has no loop (see the class comment).
                case BUFFERED_1 -> b.capacity(1).singleProducer().build();
                case UNBOUNDED -> b.unbounded().build();
            };
        }
    }

    /** The shared state of one scenario run. Fields are written by one thread and read after the joins. */
    static final class State extends ScenarioThreads.Failures {
        final List<Integer> undelivered = new ArrayList<>(); // guarded by itself
        final List<Integer> received = new ArrayList<>(); // written by one receiver thread
        final Channel<Integer> ch;
        volatile int sent; // elements whose send returned
        volatile boolean sendFailed;
        volatile ReceiveResult<Integer> last;
        volatile SendResult tried;
        volatile ReceiveResult<Integer> tryReceived;
        volatile ReceiveResult<Integer> receivedCatching;

        State(Kind kind) {
            ch = kind.make(e -> {
                synchronized (undelivered) {
                    undelivered.add(e);
                }
            });
        }

        List<Integer> undelivered() {
            synchronized (undelivered) {
                return List.copyOf(undelivered);
            }
        }
    }

    static volatile State state;
    static volatile State other;

    /**
     * Lincheck settings: analyse the standard library (ReentrantLock, atomics), switch threads
     * after 10 iterations of a loop (default), report a livelock after 2,000, recursion bound 20
     * (default).
     */
    static final LincheckSettings SETTINGS = new LincheckSettings(true, 10, 2000, 20);

    /**
     * Explores the interleavings of {@code scenario} on a new channel of {@code kind}, published
     * in {@link #state} (see the class comment).
     */
    static void check(Kind kind, Consumer<State> scenario) {
        Lincheck.runConcurrentTestInternal$lincheck(INVOCATIONS, SETTINGS, () -> {
            State s = new State(kind);
            state = s;
            scenario.accept(s);
        });
    }

    /** Sends 1, 2, ... until a send fails because the channel is closed. */
    static void sendUntilClosed(State s, int n) throws InterruptedException {
        try {
            for (int i = 1; i <= n; i++) {
                s.ch.send(i);
                s.sent = i;
            }
        } catch (ChannelClosedException e) {
            s.sendFailed = true;
        }
    }

    /** Receives until "closed", recording the elements. */
    static void receiveUntilClosed(State s) throws InterruptedException {
        for (ReceiveResult<Integer> r; (r = s.ch.receiveCatching()).isValue(); ) {
            s.received.add(r.value());
        }
        s.last = s.ch.tryReceive();
    }

    /**
     * A check of the harness, not of the channels: with {@link #SETTINGS}, Lincheck must reach
     * the interleaving in which one thread's two try-receives (on buffered(1) channels a and b,
     * b holding an element) straddle another thread's send to a and drain of b, so that both
     * come back empty. If it does not, the model checking above explores too little to mean
     * anything.
     */
    @org.junit.jupiter.api.Test
    void explorationIsNotVacuous() {
        LincheckAssertionError found = assertThrows(LincheckAssertionError.class,
                () -> Lincheck.runConcurrentTestInternal$lincheck(INVOCATIONS, SETTINGS, () -> {
                    State a = new State(Kind.BUFFERED_1);
                    State b = new State(Kind.BUFFERED_1);
                    state = a;
                    other = b;
                    if (b.ch.trySend(1) != SendResult.SENT) {
                        throw new IllegalStateException("setup");
                    }
                    Thread reader = new Thread(() -> {
                        a.tryReceived = a.ch.tryReceive();
                        a.receivedCatching = b.ch.tryReceive();
                    });
                    Thread mover = new Thread(() -> {
                        a.ch.trySend(2);
                        b.ch.tryReceive();
                    });
                    reader.start();
                    mover.start();
                    join(reader, mover);
                    if (a.tryReceived.isEmpty() && a.receivedCatching.isEmpty()) {
                        throw new AssertionError("reached: both try-receives empty");
                    }
                }));
        assertTrue(String.valueOf(found.getMessage()).contains("reached: both try-receives empty"), found.getMessage());
    }

    /**
     * Two sends race a close, with a receiver draining the channel. Senders waiting at the
     * moment of close are still delivered; sends that start after it fail. So the receiver gets
     * exactly the elements whose sends returned, in order, then "closed", and nobody stays
     * blocked.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void closeRacingSends(Kind kind) {
        check(kind, s -> {
            Thread sender = start(s, () -> sendUntilClosed(s, 2));
            Thread closer = start(s, s.ch::close);
            Thread receiver = start(s, () -> receiveUntilClosed(s));
            join(sender, closer, receiver);
            assertNull(s.failure);
            List<Integer> expected = s.sent == 2 ? List.of(1, 2) : s.sent == 1 ? List.of(1) : List.of();
            String outcome = "sends returned: " + s.sent + (s.sendFailed ? ", then one failed" : "")
                    + "; the receiver got " + s.received + " then \"closed\", then tryReceive() = " + s.last;
            assertEquals(expected, s.received, outcome);
            assertTrue(s.last.isClosed(), outcome);
            assertTrue(s.ch.isClosedForReceive());
        });
    }

    /**
     * A cancel races a send and a receive: an element whose send returned is received or handed
     * to the undelivered-element callback, exactly once; an element whose send failed is
     * neither. Blocked senders fail and blocked receivers see "closed": nobody stays blocked.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "RENDEZVOUS_SPINNING", "BUFFERED_1"})
    void cancelAccountsForEveryElement(Kind kind) {
        check(kind, s -> {
            Thread sender = start(s, () -> sendUntilClosed(s, 1));
            Thread canceller = start(s, s.ch::cancel);
            Thread receiver = start(s, () -> receiveUntilClosed(s));
            join(sender, canceller, receiver);
            assertNull(s.failure);
            assertTrue((s.sent == 1) != s.sendFailed, "the send either returned or failed");
            int delivered = s.received.size() + s.undelivered().size();
            assertEquals(s.sent, delivered, "sent " + s.sent + ", received " + s.received + ", undelivered " + s.undelivered());
            assertTrue(s.last.isClosed(), "after draining: " + s.last);
        });
    }

    /**
     * A try-send and a blocking send race a try-receive and a blocking receive, and a third
     * thread closes the channel and drains it meanwhile: the elements received are exactly those
     * whose sends succeeded, each once.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS_SPINNING", "BUFFERED_1"})
    void tryAndBlockingOperationsExactlyOnce(Kind kind) {
        check(kind, s -> {
            Thread producer = start(s, () -> trySendThenSend(s));
            Thread consumer = start(s, () -> {
                s.tryReceived = s.ch.tryReceive();
                s.receivedCatching = s.ch.receiveCatching();
            });
            Thread closer = start(s, () -> {
                s.ch.close();
                receiveUntilClosed(s);
            });
            join(producer, consumer, closer);
            assertNull(s.failure);
            assertReceivedExactlyWhatWasSent(s, List.of(s.tryReceived, s.receivedCatching),
                    "consumer: tryReceive " + s.tryReceived + ", receiveCatching " + s.receivedCatching
                    + "; closer drained " + s.received);
        });
    }

    /**
     * The same with one sending and one receiving thread, as the hints of
     * {@link Kind#RENDEZVOUS_ONE_TO_ONE} require: the consumer tries, then drains until "closed";
     * a third thread only closes. The elements received are exactly those whose sends
     * succeeded, each once, and nobody stays blocked.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS_SPINNING", "RENDEZVOUS_ONE_TO_ONE"})
    void oneSenderOneReceiverTryAndBlockingExactlyOnce(Kind kind) {
        check(kind, s -> {
            Thread producer = start(s, () -> trySendThenSend(s));
            Thread consumer = start(s, () -> {
                s.tryReceived = s.ch.tryReceive();
                receiveUntilClosed(s);
            });
            Thread closer = start(s, s.ch::close);
            join(producer, consumer, closer);
            assertNull(s.failure);
            assertReceivedExactlyWhatWasSent(s, List.of(s.tryReceived),
                    "consumer: tryReceive " + s.tryReceived + ", then drained " + s.received);
            assertTrue(s.last.isClosed(), "after draining: " + s.last);
        });
    }

    /**
     * The elements received ({@code s.received} and the values among {@code results}) are exactly
     * those whose sends succeeded (the producer's {@code trySend(1)} and {@code send(2)}), each once.
     */
    private static void assertReceivedExactlyWhatWasSent(State s, List<ReceiveResult<Integer>> results, String consumers) {
        List<Integer> got = new ArrayList<>(s.received);
        for (ReceiveResult<Integer> r : results) {
            if (r.isValue()) {
                got.add(r.value());
            }
        }
        List<Integer> sent = new ArrayList<>();
        if (s.tried == SendResult.SENT) {
            sent.add(1);
        }
        if (s.sent == 2) {
            sent.add(2);
        }
        got.sort(null);
        assertEquals(sent, got, "trySend(1) " + s.tried + ", send(2) " + (s.sent == 2 ? "returned" : "failed")
                + "; " + consumers);
    }

    /** The producer of the exactly-once scenarios: {@code trySend(1)}, then {@code send(2)} unless closed. */
    private static void trySendThenSend(State s) throws InterruptedException {
        s.tried = s.ch.trySend(1);
        sendUntilClosed2(s);
    }

    private static void sendUntilClosed2(State s) throws InterruptedException {
        try {
            s.ch.send(2);
            s.sent = 2;
        } catch (ChannelClosedException e) {
            s.sendFailed = true;
        }
    }
}
