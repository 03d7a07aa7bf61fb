package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ChannelInterruptedException;
import io.github.csp4j.channels.OverflowPolicy;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.SendResult;
import io.github.csp4j.channels.testkit.VirtualThreadDumpOnTimeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Soak: every channel kind, plain operations and selects, producers and consumers coming and
 * going, random interrupts, timeouts, cancels and closes, for a given time; at the end no
 * element may have been lost or duplicated.
 *
 * <h2>Running it</h2>
 * The default test command runs it for 30 seconds. Longer runs:
 * <pre>
 *   mvn -pl channels,select -am test -Psoak -Dsoak.minutes=10 [-Dsoak.seed=1234]
 * </pre>
 * The {@code soak} profile (root pom) runs only this test and lifts JUnit's per-test timeout;
 * the soak enforces its own deadlines. {@code soak.minutes} may be fractional; {@code soak.seed}
 * defaults to {@link System#nanoTime()} and is printed, so that a run's random decisions can be
 * replayed (the interleavings cannot be).
 *
 * <h2>What it checks</h2>
 * Every element is a unique {@code long}: {@code producer id << 32 | sequence number}. A producer
 * records an element as sent when its send returned normally (or its select's send clause ran
 * its handler), and never again uses a sequence number, whether the send succeeded or failed
 * (timeout, interrupt, closed, full). Receivers record every element they get (duplicates are
 * caught at that moment, by an atomic bit-set), and the channels' undelivered-element callbacks
 * record every element they are handed. The run is cut into epochs; each ends by closing or
 * cancelling every channel and draining it, joining every thread (a thread still blocked then
 * is a hang), and checking the ledger: each element sent was received or handed to the
 * callback, exactly once (else "lost" or "duplicated"), and no element whose send failed
 * appears anywhere ("phantom").
 *
 * <h2>What runs</h2>
 * Per epoch (0.3 to 2 s): a random set of channels (rendezvous, buffered(1), buffered(8),
 * unbounded, conflated, dropping(4) oldest and newest, all with an undelivered callback);
 * producers (send, timed send, trySend, selects with one to three send clauses, some with a
 * timeout or a default, some in priority order), consumers (receive, timed receive,
 * receiveCatching, tryReceive, iteration, selects over one to three channels) and mixers
 * (selects mixing sends and receives, the same channel possibly in both directions), on virtual
 * and platform threads; each leaves after a random number of operations and is replaced by a
 * new one of a random role; a chaos thread interrupts random workers, and closes (with or
 * without a cause) or cancels random channels, replacing them with new ones while a drainer
 * empties the old one.
 */
class SoakTest {
    /** How long to wait for the threads of an epoch to end after its channels were closed. */
    private static final Duration EPOCH_END_DEADLINE = Duration.ofSeconds(60);
    /** Sequence numbers per producer life (each producer leaves before using them up). */
    private static final int SEQ_LIMIT = 1 << 16;

    @Test
    void soak() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "0.5"));
        String seedProperty = System.getProperty("soak.seed");
        long seed = seedProperty == null || seedProperty.isBlank() ? System.nanoTime() : Long.parseLong(seedProperty.trim());
        System.out.println("SOAK start: " + minutes + " min, seed " + seed + " (reproduce its decisions with -Dsoak.seed=" + seed + ")");

        Totals totals = new Soak(seed, (long) (minutes * 60e9)).run();

        System.out.println("SOAK report: seed " + seed + ", " + totals);
        assertEquals(List.of(), totals.failures, "unexpected exceptions in workers (seed " + seed + ")");
        assertEquals(0, totals.hangs, "epochs whose threads did not end after close and drain (seed " + seed + ")");
        assertEquals(0, totals.lost, "elements lost (seed " + seed + ")");
        assertEquals(0, totals.duplicated, "elements duplicated (seed " + seed + ")");
        assertEquals(0, totals.phantom, "elements whose send failed but that appeared (seed " + seed + ")");
        assertTrue(totals.sent > 0 && totals.received > 0, "the soak did nothing: " + totals);
    }

    // ---- accounting -----------------------------------------------------------------------------

    /** What one producer life sent, and what became of it. */
    static final class ProducerRecord {
        final int id;
        /** Written only by the producer thread; read after it was joined. */
        final long[] sent = new long[SEQ_LIMIT / 64];
        final AtomicLongArray received = new AtomicLongArray(SEQ_LIMIT / 64);
        final AtomicLongArray undelivered = new AtomicLongArray(SEQ_LIMIT / 64);
        /** The next sequence number; written only by the producer thread. */
        int next;

        ProducerRecord(int id) {
            this.id = id;
        }

        boolean hasRoom(int n) {
            return next + n <= SEQ_LIMIT;
        }

        long newElement() {
            return (long) id << 32 | next++;
        }

        void markSent(long element) {
            int seq = (int) element;
            sent[seq >>> 6] |= 1L << seq;
        }

        static boolean testAndSet(AtomicLongArray bits, int seq) {
            long mask = 1L << seq;
            return (bits.getAndAccumulate(seq >>> 6, mask, (a, b) -> a | b) & mask) != 0;
        }

        static boolean test(long[] bits, int seq) {
            return (bits[seq >>> 6] & (1L << seq)) != 0;
        }

        static boolean test(AtomicLongArray bits, int seq) {
            return (bits.get(seq >>> 6) & (1L << seq)) != 0;
        }
    }

    /** The ledger of one epoch: every producer of the epoch, and the anomalies seen at receive time. */
    static final class Ledger {
        final ConcurrentHashMap<Integer, ProducerRecord> producers = new ConcurrentHashMap<>();
        final LongAdder duplicates = new LongAdder();
        final LongAdder phantoms = new LongAdder();
        final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();

        ProducerRecord newProducer(int id) {
            ProducerRecord r = new ProducerRecord(id);
            producers.put(id, r);
            return r;
        }

        void received(long element) {
            record(element, true);
        }

        void undelivered(long element) {
            record(element, false);
        }

        private void record(long element, boolean received) {
            ProducerRecord p = producers.get((int) (element >>> 32));
            if (p == null) {
                phantoms.increment();
                example("from an unknown producer: " + (received ? "received " : "undelivered ") + describe(element));
                return;
            }
            int seq = (int) element;
            if (seq < 0 || seq >= p.next && seq >= SEQ_LIMIT) {
                phantoms.increment();
                example("sequence number out of range: " + describe(element));
            } else if (ProducerRecord.testAndSet(received ? p.received : p.undelivered, seq)) {
                duplicates.increment();
                example("twice: " + (received ? "received " : "undelivered ") + describe(element));
            }
        }

        void example(String s) {
            if (examples.size() < 20) {
                examples.add(s);
            }
        }
    }

    static String describe(long element) {
        return "element " + (element >>> 32) + ":" + (int) element;
    }

    /** The results of a run. */
    static final class Totals {
        long epochs;
        long operations;
        long sent;
        long received;
        long undelivered;
        long lost;
        long duplicated;
        long phantom;
        long hangs;
        long interrupts;
        long timeouts;
        long closes;
        long cancels;
        long workers;
        final List<String> failures = new ArrayList<>();
        final List<String> examples = new ArrayList<>();

        @Override
        public String toString() {
            return epochs + " epochs, " + workers + " workers, " + operations + " operations; elements: "
                    + sent + " sent, " + received + " received, " + undelivered + " handed to undelivered callbacks, "
                    + lost + " lost, " + duplicated + " duplicated, " + phantom + " phantom (failed send seen); "
                    + hangs + " hangs; " + interrupts + " interrupts, " + timeouts + " timeouts, " + closes
                    + " closes, " + cancels + " cancels" + (examples.isEmpty() ? "" : "; examples: " + examples)
                    + (failures.isEmpty() ? "" : "; failures: " + failures);
        }
    }

    // ---- the run --------------------------------------------------------------------------------

    /** Channel kinds of the soak. */
    enum Kind {
        RENDEZVOUS, BUFFERED_1, BUFFERED_8, UNBOUNDED, CONFLATED, DROP_OLDEST_4, DROP_NEWEST_4;

        Channel<Long> make(Consumer<Long> onUndelivered) {
            var b = Channel.<Long>builder().onUndeliveredElement(onUndelivered);
            return switch (this) {
                case RENDEZVOUS -> b.build();
                case BUFFERED_1 -> b.capacity(1).build();
                case BUFFERED_8 -> b.capacity(8).build();
                case UNBOUNDED -> b.unbounded().build();
                case CONFLATED -> b.conflated().build();
                case DROP_OLDEST_4 -> b.capacity(4).onOverflow(OverflowPolicy.DROP_OLDEST).build();
                case DROP_NEWEST_4 -> b.capacity(4).onOverflow(OverflowPolicy.DROP_NEWEST).build();
            };
        }
    }

    enum Role {
        PRODUCER, CONSUMER, MIXER
    }

    /** A soak run: epochs until the duration has passed. */
    static final class Soak {
        private final long seed;
        private final long durationNanos;
        private final Totals totals = new Totals();
        private final AtomicInteger producerIds = new AtomicInteger();
        private final AtomicInteger workerIds = new AtomicInteger();
        private final LongAdder operations = new LongAdder();
        private final LongAdder interrupts = new LongAdder();
        private final LongAdder timeouts = new LongAdder();
        private final LongAdder closes = new LongAdder();
        private final LongAdder cancels = new LongAdder();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        /** Counted down when something is wrong enough to stop at once. */
        private final CountDownLatch abort = new CountDownLatch(1);

        Soak(long seed, long durationNanos) {
            this.seed = seed;
            this.durationNanos = durationNanos;
        }

        Totals run() throws InterruptedException {
            SplittableRandom rnd = new SplittableRandom(seed);
            long end = System.nanoTime() + durationNanos;
            do {
                long epochNanos = Math.min(300_000_000L + rnd.nextLong(1_700_000_000L), Math.max(1, end - System.nanoTime()));
                new Epoch(rnd.split(), epochNanos).run();
                totals.epochs++;
            } while (System.nanoTime() - end < 0 && abort.getCount() > 0 && totals.hangs == 0);
            totals.operations = operations.sum();
            totals.interrupts = interrupts.sum();
            totals.timeouts = timeouts.sum();
            totals.closes = closes.sum();
            totals.cancels = cancels.sum();
            totals.workers = workerIds.get();
            failures.stream().limit(10).forEach(totals.failures::add);
            return totals;
        }

        void fail(String what, Throwable e) {
            java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            failures.add(what + ": " + w);
            abort.countDown();
        }

        /** One epoch: channels, workers, chaos; then close, drain, join and check. */
        final class Epoch {
            private final SplittableRandom rnd;
            private final long nanos;
            private final Ledger ledger = new Ledger();
            private final AtomicReferenceArray<Channel<Long>> slots;
            private final List<Channel<Long>> allChannels = new ArrayList<>(); // guarded by this
            private final List<Thread> workers = new ArrayList<>(); // guarded by this
            private final List<Thread> drainers = new ArrayList<>(); // guarded by this
            private final CountDownLatch stop = new CountDownLatch(1);
            private volatile boolean stopping;

            Epoch(SplittableRandom rnd, long nanos) {
                this.rnd = rnd;
                this.nanos = nanos;
                this.slots = new AtomicReferenceArray<>(2 + rnd.nextInt(5));
            }

            Channel<Long> newChannel(SplittableRandom r) {
                Kind[] kinds = Kind.values();
                Channel<Long> ch = kinds[r.nextInt(kinds.length)].make(ledger::undelivered);
                synchronized (this) {
                    allChannels.add(ch);
                }
                return ch;
            }

            void run() throws InterruptedException {
                for (int i = 0; i < slots.length(); i++) {
                    slots.set(i, newChannel(rnd));
                }
                int producers = 1 + rnd.nextInt(5);
                int consumers = 1 + rnd.nextInt(5);
                int mixers = rnd.nextInt(3);
                for (int i = 0; i < producers; i++) {
                    spawn(Role.PRODUCER, rnd.split());
                }
                for (int i = 0; i < consumers; i++) {
                    spawn(Role.CONSUMER, rnd.split());
                }
                for (int i = 0; i < mixers; i++) {
                    spawn(Role.MIXER, rnd.split());
                }
                SplittableRandom chaosRnd = rnd.split();
                Thread chaos = Thread.ofPlatform().name("soak-chaos").start(() -> chaos(chaosRnd));

                abort.await(nanos, TimeUnit.NANOSECONDS); // the epoch's duration, cut short on a failure

                stopping = true;
                stop.countDown();
                chaos.join();
                List<Channel<Long>> toEnd = new ArrayList<>();
                for (int i = 0; i < slots.length(); i++) {
                    toEnd.add(slots.get(i));
                }
                for (Channel<Long> ch : toEnd) {
                    endChannel(ch, rnd);
                }
                for (Channel<Long> ch : toEnd) {
                    drain(ch);
                }
                joinAll();
                check();
            }

            // ---- threads ----

            void spawn(Role role, SplittableRandom r) {
                int id = workerIds.incrementAndGet();
                boolean virtual = r.nextInt(5) != 0;
                Runnable body = () -> work(role, r);
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    Thread t = virtual
                            ? Thread.ofVirtual().name("soak-" + role + "-" + id).unstarted(body)
                            : Thread.ofPlatform().name("soak-" + role + "-" + id).unstarted(body);
                    workers.add(t);
                    t.start();
                }
            }

            void spawnDrainer(Channel<Long> ch) {
                synchronized (this) {
                    drainers.add(Thread.ofVirtual().name("soak-drainer").start(() -> drain(ch)));
                }
            }

            synchronized Thread randomWorker(SplittableRandom r) {
                return workers.isEmpty() ? null : workers.get(r.nextInt(workers.size()));
            }

            /** Closes (maybe with a cause) or cancels {@code ch}. */
            void endChannel(Channel<Long> ch, SplittableRandom r) {
                int what = r.nextInt(4);
                if (what == 0) {
                    ch.cancel();
                    cancels.increment();
                } else {
                    if (what == 1) {
                        ch.close(new IllegalStateException("soak close cause"));
                    } else {
                        ch.close();
                    }
                    closes.increment();
                }
            }

            /** Receives until "closed", recording what arrives; retries on interrupts. */
            void drain(Channel<Long> ch) {
                for (;;) {
                    try {
                        ReceiveResult<Long> r = ch.receiveCatching();
                        if (r.isClosed()) {
                            return;
                        }
                        ledger.received(r.value());
                    } catch (InterruptedException e) {
                        // keep draining: a drain must end only at "closed"
                    } catch (RuntimeException e) {
                        fail("drainer", e);
                        return;
                    }
                }
            }

            void chaos(SplittableRandom r) {
                try {
                    while (!stop.await(100 + r.nextInt(3000), TimeUnit.MICROSECONDS)) {
                        int what = r.nextInt(20);
                        if (what < 12) {
                            Thread victim = randomWorker(r);
                            if (victim != null) {
                                victim.interrupt();
                                interrupts.increment();
                            }
                        } else if (what < 14) {
                            int slot = r.nextInt(slots.length());
                            Channel<Long> old = slots.getAndSet(slot, newChannel(r));
                            endChannel(old, r);
                            spawnDrainer(old);
                        } else if (what == 14) {
                            spawn(Role.values()[r.nextInt(3)], r.split()); // an extra worker comes
                        }
                    }
                } catch (InterruptedException e) {
                    fail("chaos interrupted", e);
                } catch (RuntimeException e) {
                    fail("chaos", e);
                }
            }

            void joinAll() throws InterruptedException {
                long deadline = System.nanoTime() + EPOCH_END_DEADLINE.toNanos();
                List<Thread> all;
                synchronized (this) {
                    all = new ArrayList<>(workers);
                    all.addAll(drainers);
                }
                List<Thread> stuck = new ArrayList<>();
                for (Thread t : all) {
                    if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                        stuck.add(t);
                    }
                }
                if (stuck.isEmpty()) {
                    return;
                }
                totals.hangs++;
                StringBuilder sb = new StringBuilder("SOAK HANG: " + stuck.size() + " threads still running "
                        + EPOCH_END_DEADLINE + " after every channel was closed and drained: " + stuck + "\nchannels:\n");
                synchronized (this) {
                    allChannels.forEach(c -> sb.append("  ").append(c).append('\n'));
                }
                sb.append(threadDump());
                System.out.println(sb);
                failures.add("hang: " + stuck);
                // rescue what can be rescued, so that the ledger can still be checked
                for (Thread t : stuck) {
                    t.interrupt();
                }
                List<Channel<Long>> chans;
                synchronized (this) {
                    chans = new ArrayList<>(allChannels);
                }
                for (Channel<Long> c : chans) {
                    for (ReceiveResult<Long> r; (r = c.tryReceive()).isValue(); ) {
                        ledger.received(r.value());
                    }
                }
                for (Thread t : stuck) {
                    t.join(Duration.ofSeconds(10));
                }
            }

            /** Checks the ledger of the epoch and adds it to the totals. */
            void check() {
                for (ProducerRecord p : ledger.producers.values()) {
                    for (int seq = 0; seq < p.next; seq++) {
                        boolean s = ProducerRecord.test(p.sent, seq);
                        boolean r = ProducerRecord.test(p.received, seq);
                        boolean u = ProducerRecord.test(p.undelivered, seq);
                        long e = (long) p.id << 32 | seq;
                        if (s) {
                            totals.sent++;
                        }
                        if (r) {
                            totals.received++;
                        }
                        if (u) {
                            totals.undelivered++;
                        }
                        if (s && !r && !u) {
                            totals.lost++;
                            ledger.example("lost: " + describe(e));
                        } else if (!s && (r || u)) {
                            totals.phantom++;
                            ledger.example("failed send but " + (r ? "received" : "undelivered") + ": " + describe(e));
                        } else if (r && u) {
                            totals.duplicated++;
                            ledger.example("received and undelivered: " + describe(e));
                        }
                    }
                }
                totals.duplicated += ledger.duplicates.sum();
                totals.phantom += ledger.phantoms.sum();
                ledger.examples.stream().limit(Math.max(0, 20 - totals.examples.size())).forEach(totals.examples::add);
            }

            // ---- workers ----

            Channel<Long> pick(SplittableRandom r) {
                return slots.get(r.nextInt(slots.length()));
            }

            static Duration smallTimeout(SplittableRandom r) {
                return Duration.ofNanos(r.nextInt(4) == 0 ? 0 : r.nextLong(2_000_000));
            }

            void work(Role role, SplittableRandom r) {
                ProducerRecord me = role == Role.CONSUMER ? null : ledger.newProducer(producerIds.incrementAndGet());
                int lifetime = 50 + r.nextInt(3000);
                try {
                    for (int op = 0; op < lifetime && !stopping && (me == null || me.hasRoom(4)); op++) {
                        operations.increment();
                        try {
                            switch (role) {
                                case PRODUCER -> produce(me, r);
                                case CONSUMER -> consume(r);
                                case MIXER -> mix(me, r);
                            }
                        } catch (InterruptedException | ChannelInterruptedException e) {
                            Thread.interrupted(); // an iterator leaves the status set
                        } catch (ChannelClosedException e) {
                            // a closed or cancelled channel: the chaos or the epoch's end
                        }
                        Thread.interrupted(); // an interrupt that came after the operation completed
                    }
                } catch (Throwable e) {
                    fail(Thread.currentThread().getName(), e);
                }
                if (!stopping && r.nextInt(8) != 0) {
                    spawn(Role.values()[r.nextInt(3)], r.split()); // a successor comes
                }
            }

            void produce(ProducerRecord me, SplittableRandom r) throws InterruptedException {
                Channel<Long> ch = pick(r);
                long e = me.newElement();
                switch (r.nextInt(4)) {
                    case 0 -> {
                        ch.send(e);
                        me.markSent(e);
                    }
                    case 1 -> {
                        if (ch.send(e, smallTimeout(r))) {
                            me.markSent(e);
                        } else {
                            timeouts.increment();
                        }
                    }
                    case 2 -> {
                        if (ch.trySend(e) == SendResult.SENT) {
                            me.markSent(e);
                        }
                    }
                    default -> {
                        List<SelectClause<Long>> clauses = new ArrayList<>();
                        clauses.add(sendClause(me, ch, e));
                        for (int k = r.nextInt(3); k > 0; k--) {
                            clauses.add(sendClause(me, pick(r), me.newElement()));
                        }
                        select(clauses, r);
                    }
                }
            }

            SelectClause<Long> sendClause(ProducerRecord me, Channel<Long> ch, long e) {
                return Select.onSend(ch, e, () -> {
                    me.markSent(e);
                    return e;
                });
            }

            SelectClause<Long> receiveClause(Channel<Long> ch, SplittableRandom r) {
                if (r.nextBoolean()) {
                    return Select.onReceive(ch, v -> {
                        ledger.received(v);
                        return v;
                    });
                }
                return Select.onReceiveCatching(ch, res -> {
                    if (res.isValue()) {
                        ledger.received(res.value());
                    }
                    return -1L;
                });
            }

            /** Runs a select over {@code clauses}, sometimes with a timeout or a default, sometimes in order. */
            void select(List<SelectClause<Long>> clauses, SplittableRandom r) throws InterruptedException {
                int extra = r.nextInt(6);
                if (extra == 0) {
                    clauses.add(Select.onTimeout(smallTimeout(r), () -> {
                        timeouts.increment();
                        return -2L;
                    }));
                } else if (extra == 1) {
                    clauses.add(Select.onDefault(() -> -3L));
                }
                if (r.nextInt(4) == 0) {
                    Select.selectInOrder(clauses);
                } else {
                    Select.select(clauses);
                }
            }

            void consume(SplittableRandom r) throws InterruptedException {
                Channel<Long> ch = pick(r);
                switch (r.nextInt(6)) {
                    case 0 -> ledger.received(ch.receive());
                    case 1 -> {
                        Long v = ch.receive(smallTimeout(r));
                        if (v != null) {
                            ledger.received(v);
                        } else {
                            timeouts.increment();
                        }
                    }
                    case 2 -> {
                        ReceiveResult<Long> res = ch.receiveCatching();
                        if (res.isValue()) {
                            ledger.received(res.value());
                        }
                    }
                    case 3 -> {
                        ReceiveResult<Long> res = ch.tryReceive();
                        if (res.isValue()) {
                            ledger.received(res.value());
                        }
                    }
                    case 4 -> {
                        Iterator<Long> it = ch.iterator();
                        for (int k = 1 + r.nextInt(5); k > 0 && !stopping && it.hasNext(); k--) {
                            ledger.received(it.next()); // hasNext only when next follows: nothing left behind
                        }
                    }
                    default -> {
                        List<SelectClause<Long>> clauses = new ArrayList<>();
                        clauses.add(receiveClause(ch, r));
                        for (int k = r.nextInt(3); k > 0; k--) {
                            clauses.add(receiveClause(pick(r), r));
                        }
                        select(clauses, r);
                    }
                }
            }

            void mix(ProducerRecord me, SplittableRandom r) throws InterruptedException {
                List<SelectClause<Long>> clauses = new ArrayList<>();
                for (int k = 2 + r.nextInt(3); k > 0; k--) {
                    Channel<Long> ch = pick(r);
                    clauses.add(r.nextBoolean() ? sendClause(me, ch, me.newElement()) : receiveClause(ch, r));
                }
                select(clauses, r);
            }
        }
    }

    static String threadDump() {
        try {
            return VirtualThreadDumpOnTimeout.dumpAllThreads();
        } catch (Exception e) {
            return "(no thread dump: " + e + ")";
        }
    }
}
