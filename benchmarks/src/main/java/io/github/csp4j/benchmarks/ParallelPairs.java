package io.github.csp4j.benchmarks;

import io.github.csp4j.benchmarks.infra.Flows;
import io.github.csp4j.benchmarks.infra.Pipes;
import io.github.csp4j.benchmarks.infra.Sizes;
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
 * Shape g: 10,000 independent producer/consumer pairs at once, each over its own channel of capacity
 * 16 and moving {@value #PER_PAIR} elements: 1,000,000 elements and 20,000 virtual threads per
 * invocation. Score: ns per element.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ParallelPairs {
    static final int PAIRS = 10_000;
    static final int PER_PAIR = 100;
    static final int CAPACITY = 16;

    @Param({Pipes.CSP4J, Pipes.CSP4J_SPSC, Pipes.JOX, Pipes.ARRAY_BLOCKING_QUEUE, Pipes.LINKED_BLOCKING_QUEUE})
    public String impl;

    private int pairs;

    @Setup
    public void setup() {
        pairs = Sizes.scaled(PAIRS);
        Pipes.create(impl, CAPACITY);
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS * PER_PAIR)
    public void run() throws InterruptedException {
        Flows.pairs(impl, CAPACITY, pairs, PER_PAIR);
    }
}
