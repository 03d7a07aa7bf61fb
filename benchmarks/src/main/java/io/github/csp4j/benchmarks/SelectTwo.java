package io.github.csp4j.benchmarks;

import io.github.csp4j.benchmarks.infra.Flows;
import io.github.csp4j.benchmarks.infra.Pipes;
import io.github.csp4j.benchmarks.infra.SelectPair;
import io.github.csp4j.benchmarks.infra.Sizes;
import io.github.csp4j.benchmarks.infra.Workers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shape e: select over two channels, each fed by one producer; one consumer selects 1,000,000 times.
 * Capacity 0 (rendezvous) and 16. {@code csp4j-spsc} builds the channels with the single-producer/
 * single-consumer hints (at capacity 0 they spare the producers' hand-offs a direction check and
 * carry the element in the channel's own fields). Score: ns per element (per select); run with {@code -prof gc} for
 * bytes per select.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SelectTwo {

    @Param({"0", "16"})
    public int capacity;

    @Param({Pipes.CSP4J, Pipes.CSP4J_SPSC, Pipes.JOX})
    public String impl;

    private int elements;

    @Setup
    public void setup() {
        elements = Sizes.scaled(Sizes.ELEMENTS);
        SelectPair.create(impl, capacity);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.ELEMENTS)
    public long run() throws InterruptedException {
        SelectPair pair = SelectPair.create(impl, capacity);
        int first = Sizes.share(elements, 2, 0);
        int second = Sizes.share(elements, 2, 1);
        int total = elements;
        long[] sum = new long[1];
        Workers workers = new Workers(3);
        workers.start(Thread.ofVirtual(), () -> {
            long s = 0;
            for (int i = 0; i < total; i++) {
                s += pair.select();
            }
            sum[0] = s;
        });
        workers.start(Thread.ofVirtual(), () -> {
            for (int i = 0; i < first; i++) {
                pair.sendFirst(Flows.element(i));
            }
        });
        workers.start(Thread.ofVirtual(), () -> {
            for (int i = 0; i < second; i++) {
                pair.sendSecond(Flows.element(i));
            }
        });
        workers.joinAll();
        Flows.check(sum[0], Flows.expectedSum(first) + Flows.expectedSum(second));
        return sum[0];
    }
}
