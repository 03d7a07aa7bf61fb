package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Async.Flavour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Concurrency stress: P producers x C consumers (4x4 and 1x1 with single-producer/consumer hints
 * on virtual and platform threads, 8x2 on platform threads, 1x4 and 4x1 with one hint on virtual
 * threads), over every kind. Producers
 * mix {@code send}, {@code send(e, timeout)} and {@code trySend}; consumers mix {@code receive},
 * {@code receive(timeout)}, {@code receiveCatching} and {@code tryReceive}; a chaos thread
 * interrupts random participants all the time. Then:
 * <ul>
 *   <li>every element whose send returned normally (true, SENT) is received exactly once, or,
 *       on a dropping/conflated channel or after a cancel, handed to the undelivered callback
 *       instead (never both);</li>
 *   <li>an element whose send failed (timeout, FULL, interrupt, closed) is never received nor
 *       handed to the callback;</li>
 *   <li>each consumer sees each producer's sequence numbers strictly increasing;</li>
 *   <li>nothing hangs: every participant ends within the deadline after the channel is closed.</li>
 * </ul>
 * Three endings: close after the producers are done; close while everyone is busy (senders
 * waiting at that moment are still delivered); cancel while everyone is busy.
 */
@Timeout(60)
class ChannelStressTest {
    private static final int SEQ_BITS = 20;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** How the run ends. */
    enum Ending { CLOSE_WHEN_DONE, CLOSE_WHILE_BUSY, CANCEL_WHILE_BUSY }

    record Scenario(ChannelSpec spec, int producers, int consumers, Flavour flavour, int perProducer, Ending ending) {
        @Override
        public String toString() {
            return spec + " " + producers + "x" + consumers + " " + flavour + " " + ending;
        }
    }

    static Stream<Scenario> scenarios() {
        Stream<Scenario> manyToMany = Stream.of(ChannelSpec.rendezvous(), ChannelSpec.buffered(1),
                        ChannelSpec.buffered(16), ChannelSpec.buffered(1024), ChannelSpec.buffered(ChannelSpec.LARGE),
                        ChannelSpec.unbounded(), ChannelSpec.conflated(),
                        ChannelSpec.dropping(2, OverflowPolicy.DROP_OLDEST),
                        ChannelSpec.dropping(16, OverflowPolicy.DROP_NEWEST))
                .map(s -> new Scenario(s, 4, 4, Flavour.VIRTUAL, 5_000, Ending.CLOSE_WHEN_DONE));
        Stream<Scenario> manyToManyPlatform = Stream.of(ChannelSpec.rendezvous(), ChannelSpec.buffered(16),
                        ChannelSpec.unbounded(), ChannelSpec.dropping(2, OverflowPolicy.DROP_OLDEST))
                .map(s -> new Scenario(s, 4, 4, Flavour.PLATFORM, 3_000, Ending.CLOSE_WHEN_DONE));
        Stream<Scenario> platform = Stream.of(ChannelSpec.rendezvous(), ChannelSpec.buffered(2),
                        ChannelSpec.buffered(16), ChannelSpec.unbounded(), ChannelSpec.conflated(),
                        ChannelSpec.dropping(16, OverflowPolicy.DROP_OLDEST))
                .map(s -> new Scenario(s, 8, 2, Flavour.PLATFORM, 2_000, Ending.CLOSE_WHEN_DONE));
        Stream<Scenario> spsc = Stream.of(ChannelSpec.rendezvous(), ChannelSpec.buffered(1), ChannelSpec.buffered(16),
                        ChannelSpec.buffered(ChannelSpec.LARGE), ChannelSpec.unbounded(), ChannelSpec.conflated(),
                        ChannelSpec.dropping(2, OverflowPolicy.DROP_OLDEST),
                        ChannelSpec.dropping(16, OverflowPolicy.DROP_NEWEST))
                .flatMap(s -> Stream.of(Flavour.values())
                        .map(f -> new Scenario(s.spsc(), 1, 1, f, 15_000, Ending.CLOSE_WHEN_DONE)));
        Stream<Scenario> oneHint = Stream.of(ChannelSpec.buffered(16), ChannelSpec.unbounded(),
                        ChannelSpec.dropping(16, OverflowPolicy.DROP_OLDEST), ChannelSpec.conflated())
                .flatMap(s -> Stream.of(new Scenario(s.sp(), 1, 4, Flavour.VIRTUAL, 15_000, Ending.CLOSE_WHEN_DONE),
                        new Scenario(s.sc(), 4, 1, Flavour.VIRTUAL, 4_000, Ending.CLOSE_WHEN_DONE)));
        Stream<Scenario> busyEndings = Stream.of(ChannelSpec.rendezvous(), ChannelSpec.buffered(2),
                        ChannelSpec.unbounded(), ChannelSpec.conflated())
                .flatMap(s -> Stream.of(Ending.CLOSE_WHILE_BUSY, Ending.CANCEL_WHILE_BUSY)
                        .map(e -> new Scenario(s, 4, 4, Flavour.VIRTUAL, 1 << (SEQ_BITS - 1), e)));
        return Stream.of(manyToMany, manyToManyPlatform, platform, spsc, oneHint, busyEndings).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everySentElementArrivesExactlyOnceInProducerOrder(Scenario sc) {
        new Run(sc).execute().verify();
    }

    /** One run of a scenario: the channel, the participants and what each of them recorded. */
    private static final class Run {
        final Scenario sc;
        final java.util.Queue<Integer> undelivered = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final Channel<Integer> ch;
        final List<List<Integer>> sent = new ArrayList<>();
        final List<List<Integer>> received = new ArrayList<>();
        final AtomicInteger sentCount = new AtomicInteger();
        final AtomicInteger interrupts = new AtomicInteger();
        final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        final List<Thread> producers = new ArrayList<>();
        final List<Thread> consumers = new ArrayList<>();
        volatile boolean chaosOn = true;

        Run(Scenario sc) {
            this.sc = sc;
            this.ch = sc.spec().build(undelivered::add);
        }

        Run execute() {
            for (int c = 0; c < sc.consumers(); c++) {
                List<Integer> mine = new ArrayList<>();
                received.add(mine);
                consumers.add(start("consumer-" + c, () -> consume(mine)));
            }
            for (int p = 0; p < sc.producers(); p++) {
                List<Integer> mine = new ArrayList<>();
                sent.add(mine);
                int id = p;
                producers.add(start("producer-" + p, () -> produce(id, mine)));
            }
            List<Thread> everyone = new ArrayList<>(producers);
            everyone.addAll(consumers);
            Thread chaos = Thread.ofPlatform().daemon().name("chaos").start(() -> chaos(everyone));

            if (sc.ending() == Ending.CLOSE_WHEN_DONE) {
                joinAll(producers, "producers");
                ch.close();
            } else {
                awaitProgress();
                if (sc.ending() == Ending.CLOSE_WHILE_BUSY) {
                    ch.close();
                } else {
                    ch.cancel();
                }
                joinAll(producers, "producers after " + sc.ending());
            }
            joinAll(consumers, "consumers after the channel was closed");
            chaosOn = false;
            joinAll(List.of(chaos), "chaos");
            return this;
        }

        private Thread start(String name, Runnable body) {
            return sc.flavour().builder().name(name).start(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    unexpected.add(t);
                }
            });
        }

        private void produce(int id, List<Integer> mine) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int seq = 0; seq < sc.perProducer(); seq++) {
                int e = (id << SEQ_BITS) | seq;
                try {
                    boolean ok = switch (rnd.nextInt(4)) {
                        case 0, 1 -> {
                            ch.send(e);
                            yield true;
                        }
                        case 2 -> ch.send(e, Duration.ofNanos(rnd.nextLong(300_000)));
                        default -> switch (ch.trySend(e)) {
                            case SENT -> true;
                            case FULL -> false;
                            case CLOSED -> throw new ChannelClosedException("trySend: closed", null, false);
                        };
                    };
                    if (ok) {
                        mine.add(e);
                        sentCount.incrementAndGet();
                    }
                    if (!sc.spec().sendCanWait() && rnd.nextInt(8) == 0) {
                        Thread.yield(); // a send that never waits would otherwise starve virtual consumers
                    }
                } catch (InterruptedException ie) {
                    interrupts.incrementAndGet();
                } catch (ChannelClosedException closed) {
                    if (sc.ending() == Ending.CLOSE_WHEN_DONE) {
                        throw closed;
                    }
                    return;
                }
            }
        }

        private void consume(List<Integer> mine) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (;;) {
                try {
                    switch (rnd.nextInt(4)) {
                        case 0 -> mine.add(ch.receive());
                        case 1 -> {
                            Integer v = ch.receive(Duration.ofNanos(rnd.nextLong(300_000)));
                            if (v != null) {
                                mine.add(v);
                            }
                        }
                        case 2 -> {
                            ReceiveResult<Integer> r = ch.receiveCatching();
                            if (r.isClosed()) {
                                return;
                            }
                            mine.add(r.value());
                        }
                        default -> {
                            ReceiveResult<Integer> r = ch.tryReceive();
                            if (r.isClosed()) {
                                return;
                            }
                            if (r.isValue()) {
                                mine.add(r.value());
                            } else {
                                Thread.yield();
                            }
                        }
                    }
                } catch (InterruptedException ie) {
                    interrupts.incrementAndGet();
                } catch (ChannelClosedException closed) {
                    return;
                }
            }
        }

        /** Interrupts a random participant every few microseconds (pacing only, not synchronisation). */
        private void chaos(List<Thread> everyone) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (chaosOn) {
                LockSupport.parkNanos(rnd.nextLong(5_000, 50_000));
                everyone.get(rnd.nextInt(everyone.size())).interrupt();
            }
        }

        /** Waits until a good number of elements went through, so that the close or cancel hits a busy channel. */
        private void awaitProgress() {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (int i = 0; sentCount.get() < 8_000; i++) {
                if (System.nanoTime() - deadline > 0) {
                    fail("no progress: " + sentCount.get() + " sent, " + ch);
                }
                Async.backOff(i);
            }
        }

        private void joinAll(List<Thread> threads, String who) {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (Thread t : threads) {
                try {
                    if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                        fail(who + " did not finish: " + t + " is " + t.getState() + ", channel " + ch
                                + ", sent " + sentCount.get() + ", received " + received.stream().mapToInt(List::size).sum()
                                + "\n" + stackOf(t));
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }

        private static String stackOf(Thread t) {
            return Stream.of(t.getStackTrace()).map(f -> "\tat " + f).collect(Collectors.joining("\n"));
        }

        void verify() {
            if (!unexpected.isEmpty()) {
                AssertionError e = new AssertionError("a participant failed unexpectedly", unexpected.peek());
                unexpected.stream().skip(1).forEach(e::addSuppressed);
                throw e;
            }
            List<Integer> allSent = flatten(sent);
            List<Integer> allReceived = flatten(received);
            assertTrue(allSent.size() > 0, "nothing was sent");

            assertNoDuplicates(allReceived, "received");
            List<Integer> dropped = new ArrayList<>(undelivered); // read after every participant stopped
            assertNoDuplicates(dropped, "undelivered");
            Set<Integer> both = new HashSet<>(allReceived);
            both.retainAll(dropped);
            assertEquals(Set.of(), both, "received and also handed to the callback");
            if (!sc.spec().drops() && sc.ending() != Ending.CANCEL_WHILE_BUSY) {
                assertEquals(List.of(), dropped, "nothing may reach the callback");
            }

            List<Integer> accounted = new ArrayList<>(allReceived);
            accounted.addAll(dropped);
            Collections.sort(accounted);
            Collections.sort(allSent);
            if (!accounted.equals(allSent)) {
                Set<Integer> lost = new HashSet<>(allSent);
                lost.removeAll(accounted);
                Set<Integer> phantom = new HashSet<>(accounted);
                phantom.removeAll(allSent);
                fail("sent " + allSent.size() + ", received " + allReceived.size() + ", undelivered " + dropped.size()
                        + "; lost (sent, never seen): " + sample(lost)
                        + "; phantom (seen, but its send failed): " + sample(phantom) + "; channel " + ch);
            }

            for (int c = 0; c < received.size(); c++) {
                Map<Integer, List<Integer>> byProducer = received.get(c).stream()
                        .collect(Collectors.groupingBy(e -> e >>> SEQ_BITS));
                for (Map.Entry<Integer, List<Integer>> e : byProducer.entrySet()) {
                    assertTrue(Support.strictlyIncreasing(e.getValue()),
                            "consumer " + c + " saw producer " + e.getKey() + " out of order");
                }
            }
        }

        private static List<Integer> flatten(List<List<Integer>> lists) {
            return lists.stream().flatMap(List::stream).collect(Collectors.toCollection(ArrayList::new));
        }

        private static void assertNoDuplicates(List<Integer> xs, String what) {
            Set<Integer> seen = new HashSet<>();
            List<Integer> dups = xs.stream().filter(x -> !seen.add(x)).limit(10).toList();
            assertEquals(List.of(), dups, what + " more than once");
        }

        private static String sample(Set<Integer> xs) {
            return xs.size() + " " + xs.stream().sorted().limit(10)
                    .map(e -> "p" + (e >>> SEQ_BITS) + "#" + (e & ((1 << SEQ_BITS) - 1))).toList();
        }
    }
}
