package io.github.csp4j.benchmarks.infra;

import java.util.concurrent.atomic.LongAdder;

/** The benchmark bodies shared by several shapes. */
public final class Flows {

    private Flows() {
    }

    /**
     * The element sent by producer loops: small Integers come from the {@link Integer} cache, so
     * that the only allocation measured is the implementation's own.
     */
    public static Integer element(int i) {
        return Integer.valueOf(i & 127);
    }

    /** The sum of the elements {@code 0..count-1} as {@link #element} gives them. */
    public static long expectedSum(int count) {
        long full = count / 128;
        long sum = full * (127L * 128 / 2);
        for (int i = 0; i < count % 128; i++) {
            sum += i;
        }
        return sum;
    }

    /**
     * Moves {@code elements} elements through {@code pipe} from {@code producers} producer threads
     * to {@code consumers} consumer threads, all started and joined here, and checks that every
     * element arrived.
     */
    public static void transfer(Pipe<Integer> pipe, int producers, int consumers, int elements)
            throws InterruptedException {
        Workers workers = new Workers(producers + consumers);
        LongAdder received = new LongAdder();
        Thread.Builder threads = pipe.threads();
        for (int c = 0; c < consumers; c++) {
            int count = Sizes.share(elements, consumers, c);
            workers.start(threads, () -> {
                long sum = 0;
                for (int i = 0; i < count; i++) {
                    sum += pipe.receive();
                }
                received.add(sum);
            });
        }
        for (int p = 0; p < producers; p++) {
            int count = Sizes.share(elements, producers, p);
            workers.start(threads, () -> {
                for (int i = 0; i < count; i++) {
                    pipe.send(element(i));
                }
            });
        }
        workers.joinAll();
        long expected = 0;
        for (int p = 0; p < producers; p++) {
            expected += expectedSum(Sizes.share(elements, producers, p));
        }
        check(received.sum(), expected);
    }

    /** Fails the benchmark when a checksum is wrong: an implementation lost or duplicated elements. */
    public static void check(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("checksum " + actual + ", expected " + expected
                    + ": elements were lost or duplicated");
        }
    }

    /**
     * Passes {@code values} elements down a chain of {@code stages} threads: a source sends into the
     * first pipe, stage {@code i} receives from pipe {@code i} and sends into pipe {@code i + 1}, a sink
     * receives from the last. All threads are started and joined here.
     */
    public static void chain(String impl, int capacity, int stages, int values) throws InterruptedException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Pipe<Integer>[] links = new Pipe[stages + 1];
        for (int i = 0; i <= stages; i++) {
            links[i] = Pipes.create(impl, capacity);
        }
        Thread.Builder threads = links[0].threads();
        Workers workers = new Workers(stages + 2);
        long[] sum = new long[1];
        workers.start(threads, () -> {
            Pipe<Integer> in = links[stages];
            long s = 0;
            for (int v = 0; v < values; v++) {
                s += in.receive();
            }
            sum[0] = s;
        });
        for (int i = stages - 1; i >= 0; i--) {
            Pipe<Integer> in = links[i];
            Pipe<Integer> out = links[i + 1];
            workers.start(threads, () -> {
                for (int v = 0; v < values; v++) {
                    out.send(in.receive());
                }
            });
        }
        workers.start(threads, () -> {
            Pipe<Integer> out = links[0];
            for (int v = 0; v < values; v++) {
                out.send(element(v));
            }
        });
        workers.joinAll();
        check(sum[0], expectedSum(values));
    }

    /**
     * Runs {@code pairs} independent producer/consumer pairs at once, each over its own pipe and
     * moving {@code perPair} elements.
     */
    public static void pairs(String impl, int capacity, int pairs, int perPair) throws InterruptedException {
        Workers workers = new Workers(2 * pairs);
        LongAdder received = new LongAdder();
        for (int p = 0; p < pairs; p++) {
            Pipe<Integer> pipe = Pipes.create(impl, capacity);
            workers.start(pipe.threads(), () -> {
                long s = 0;
                for (int i = 0; i < perPair; i++) {
                    s += pipe.receive();
                }
                received.add(s);
            });
            workers.start(pipe.threads(), () -> {
                for (int i = 0; i < perPair; i++) {
                    pipe.send(element(i));
                }
            });
        }
        workers.joinAll();
        check(received.sum(), pairs * expectedSum(perPair));
    }
}
