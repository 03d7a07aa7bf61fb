package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static io.github.csp4j.select.Select.onSend;
import static io.github.csp4j.select.Select.onTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactly once under load: selects over random, overlapping sets of channels (send and receive
 * clauses, with random timeouts and defaults, fair and priority) run against plain sends and
 * receives (blocking, timed and try), while an interrupter hits every worker, on virtual or on
 * platform threads. Every element is unique; a send counts as done when a plain send returned
 * normally or a send clause's handler ran. Afterwards every element sent was received exactly
 * once or, on a dropping kind, handed to the drop callback exactly once; nothing was received
 * that was not sent; no waiter is left in any channel; and nothing hung (every join has a deadline).
 */
@Timeout(60)
class SelectExactlyOnceStressTest {
    /**
     * Each producer makes at least {@code OPS_PER_PRODUCER} attempts, and goes on for at least
     * {@link #MIN_RUN} (so that kinds that never block still meet many interrupts) but never more
     * than {@code MAX_OPS_PER_PRODUCER}.
     */
    private static final int OPS_PER_PRODUCER = 2_000;
    private static final int MAX_OPS_PER_PRODUCER = 25_000;
    private static final Duration MIN_RUN = Duration.ofMillis(150);
    private static final int CHANNELS = 4;

    static Stream<Arguments> cases() {
        return Arrays.stream(ThreadKind.values()).flatMap(t -> Stream.concat(
                Arrays.stream(Kind.values()).map(k -> Arguments.of(t, List.of(k, k, k, k))),
                Stream.of(Arguments.of(t, List.of(Kind.values())))));
    }

    @ParameterizedTest(name = "{0} threads, channels {1}")
    @MethodSource("cases")
    void everyElementIsDeliveredExactlyOnce(ThreadKind thread, List<Kind> kinds) throws Exception {
        Run run = new Run(thread, kinds);
        run.execute();
        run.verify();
    }

    private static final class Run {
        final ThreadKind threadKind;
        final List<Channel<Long>> chans = new ArrayList<>();
        final Queue<Long> dropped = new ConcurrentLinkedQueue<>();
        final Queue<List<Long>> sent = new ConcurrentLinkedQueue<>();
        final Queue<List<Long>> received = new ConcurrentLinkedQueue<>();
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger interrupts = new AtomicInteger();
        final AtomicInteger interruptedOps = new AtomicInteger();
        volatile boolean producing = true;
        final long minEnd = System.nanoTime() + MIN_RUN.toNanos();

        Run(ThreadKind threadKind, List<Kind> kinds) {
            this.threadKind = threadKind;
            for (Kind k : kinds) {
                chans.add(k.create(dropped::add));
            }
        }

        void execute() throws InterruptedException {
            List<Thread> producers = List.of(
                    worker(() -> plainProducer(1)), worker(() -> plainProducer(2)),
                    worker(() -> selectingProducer(3)), worker(() -> selectingProducer(4)));
            List<Thread> consumers = List.of(
                    worker(this::plainConsumer), worker(this::plainConsumer),
                    worker(this::selectingConsumer), worker(this::selectingConsumer));
            List<Thread> all = new ArrayList<>(producers);
            all.addAll(consumers);
            Thread interrupter = Thread.ofPlatform().daemon().start(() -> interrupt(all));

            for (Thread p : producers) {
                Await.join(p);
            }
            producing = false;
            Await.join(interrupter);
            for (int i = 0; i < chans.size(); i++) {
                if (i % 2 == 0) {
                    chans.get(i).close();
                } else {
                    chans.get(i).close(new RuntimeException("done"));
                }
            }
            for (Thread c : consumers) {
                Await.join(c);
            }
        }

        private Thread worker(Runnable body) {
            return threadKind.start(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
        }

        /** Interrupts random workers while production lasts; the pause only paces it. */
        private void interrupt(List<Thread> workers) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (producing) {
                workers.get(rnd.nextInt(workers.size())).interrupt();
                interrupts.incrementAndGet();
                LockSupport.parkNanos(rnd.nextInt(20_000, 200_000));
            }
        }

        private boolean moreToProduce(int done) {
            return done < OPS_PER_PRODUCER || done < MAX_OPS_PER_PRODUCER && System.nanoTime() - minEnd < 0;
        }

        private Channel<Long> anyChannel() {
            return chans.get(ThreadLocalRandom.current().nextInt(chans.size()));
        }

        private static long element(int producer, int n) {
            return ((long) producer << 32) | n;
        }

        private void plainProducer(int id) {
            List<Long> mine = new ArrayList<>();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            try {
                for (int i = 0; moreToProduce(i); i++) {
                    long v = element(id, i);
                    Channel<Long> c = anyChannel();
                    try {
                        boolean done = switch (i % 3) {
                            case 0 -> {
                                c.send(v);
                                yield true;
                            }
                            case 1 -> c.send(v, Duration.ofNanos(rnd.nextInt(300_000)));
                            default -> c.trySend(v) == SendResult.SENT;
                        };
                        if (done) {
                            mine.add(v);
                        }
                    } catch (InterruptedException e) {
                        interruptedOps.incrementAndGet(); // nothing was sent
                    }
                    Thread.interrupted(); // a completed call may return with the status set
                }
            } finally {
                sent.add(mine);
            }
        }

        private void selectingProducer(int id) {
            List<Long> mySends = new ArrayList<>();
            List<Long> myReceives = new ArrayList<>();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            try {
                for (int i = 0; moreToProduce(i); i++) {
                    List<SelectClause<Boolean>> clauses = new ArrayList<>();
                    int sends = 1 + rnd.nextInt(3);
                    for (int j = 0; j < sends; j++) {
                        long v = element(id, i * 4 + j);
                        clauses.add(onSend(anyChannel(), v, () -> mySends.add(v)));
                    }
                    if (rnd.nextInt(3) == 0) {
                        clauses.add(onReceiveCatching(anyChannel(), r -> r.isValue() && myReceives.add(r.value())));
                    }
                    addTimeoutOrDefault(clauses, rnd);
                    try {
                        if (rnd.nextBoolean()) {
                            Select.select(clauses);
                        } else {
                            Select.selectInOrder(clauses);
                        }
                    } catch (InterruptedException e) {
                        interruptedOps.incrementAndGet(); // no clause took effect
                    }
                    Thread.interrupted();
                }
            } finally {
                sent.add(mySends);
                received.add(myReceives);
            }
        }

        private static void addTimeoutOrDefault(List<SelectClause<Boolean>> clauses, ThreadLocalRandom rnd) {
            switch (rnd.nextInt(6)) {
                case 0 -> clauses.add(onTimeout(Duration.ofNanos(rnd.nextInt(300_000)), () -> false));
                case 1 -> clauses.add(onDefault(() -> false));
                default -> { }
            }
        }

        private boolean drained() {
            return chans.stream().allMatch(Channel::isClosedForReceive);
        }

        private void plainConsumer() {
            List<Long> mine = new ArrayList<>();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            try {
                for (int i = 0; !drained(); i++) {
                    Channel<Long> c = anyChannel();
                    try {
                        switch (i % 4) {
                            case 0 -> mine.add(c.receive());
                            case 1 -> {
                                Long v = c.receive(Duration.ofNanos(rnd.nextInt(300_000)));
                                if (v != null) {
                                    mine.add(v);
                                }
                            }
                            default -> {
                                var r = i % 4 == 2 ? c.tryReceive() : c.receiveCatching();
                                if (r.isValue()) {
                                    mine.add(r.value());
                                }
                            }
                        }
                    } catch (ChannelClosedException e) {
                        // this one is finished; others may not be
                    } catch (InterruptedException e) {
                        interruptedOps.incrementAndGet();
                    }
                    Thread.interrupted();
                }
            } finally {
                received.add(mine);
            }
        }

        private void selectingConsumer() {
            List<Long> mine = new ArrayList<>();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            try {
                while (!drained()) {
                    List<SelectClause<Boolean>> clauses = new ArrayList<>();
                    int n = 1 + rnd.nextInt(3);
                    for (int j = 0; j < n; j++) {
                        clauses.add(onReceiveCatching(anyChannel(), r -> r.isValue() && mine.add(r.value())));
                    }
                    addTimeoutOrDefault(clauses, rnd);
                    try {
                        if (rnd.nextBoolean()) {
                            Select.select(clauses);
                        } else {
                            Select.selectInOrder(clauses);
                        }
                    } catch (InterruptedException e) {
                        interruptedOps.incrementAndGet();
                    }
                    Thread.interrupted();
                }
            } finally {
                received.add(mine);
            }
        }

        void verify() {
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError("a worker failed");
                failures.forEach(e::addSuppressed);
                throw e;
            }
            Set<Long> sentSet = union("sent", sent.stream().flatMap(List::stream).toList());
            Set<Long> receivedSet = union("received", received.stream().flatMap(List::stream).toList());
            Set<Long> droppedSet = union("dropped", List.copyOf(dropped));

            Set<Long> phantom = new HashSet<>(receivedSet);
            phantom.removeAll(sentSet);
            Set<Long> droppedAndReceived = new HashSet<>(droppedSet);
            droppedAndReceived.retainAll(receivedSet);
            Set<Long> lost = new HashSet<>(sentSet);
            lost.removeAll(receivedSet);
            lost.removeAll(droppedSet);
            String summary = "sent " + sentSet.size() + ", received " + receivedSet.size() + ", dropped " + droppedSet.size()
                    + ", interrupts " + interrupts + " (" + interruptedOps + " calls interrupted)";
            assertTrue(phantom.isEmpty(), () -> "received but never (successfully) sent: " + sample(phantom) + "; " + summary);
            assertTrue(droppedAndReceived.isEmpty(), () -> "both dropped and received: " + sample(droppedAndReceived) + "; " + summary);
            assertTrue(lost.isEmpty(), () -> "sent but neither received nor dropped: " + sample(lost) + "; " + summary);
            assertTrue(sentSet.size() > OPS_PER_PRODUCER, () -> "too little got through to mean anything: " + summary);
            for (Channel<Long> c : chans) {
                Fixtures.assertWaiters(c, 0, 0);
                assertTrue(c.isClosedForReceive(), c::toString);
            }
        }

        /** The elements as a set, failing if one occurs twice. */
        private static Set<Long> union(String what, List<Long> all) {
            Set<Long> set = new HashSet<>(all);
            if (set.size() != all.size()) {
                List<Long> dupes = new ArrayList<>(all);
                set.forEach(dupes::remove);
                fail(what + " twice: " + sample(new HashSet<>(dupes)));
            }
            return set;
        }

        private static String sample(Set<Long> s) {
            return s.size() + " elements, e.g. " + s.stream().limit(5)
                    .map(v -> "producer " + (v >>> 32) + " #" + (v & 0xFFFFFFFFL)).toList();
        }
    }
}
