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
 * Shape c: 4 producers x 4 consumers on one buffered channel of capacity 1024, 1,000,000 elements in
 * all. Score: ns per element. {@code jctools-mpmc} (MpmcArrayQueue, 8 busy-spinning platform threads
 * that yield when they spin long) is the lower limit, not a peer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BufferedMpmc {
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int CAPACITY = 1024;

    @Param({Pipes.CSP4J, Pipes.JOX, Pipes.ARRAY_BLOCKING_QUEUE, Pipes.LINKED_BLOCKING_QUEUE, Pipes.JCTOOLS_MPMC})
    public String impl;

    private int elements;

    @Setup
    public void setup() {
        elements = Sizes.scaled(Sizes.ELEMENTS);
        Pipes.create(impl, CAPACITY);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.ELEMENTS)
    public void run() throws InterruptedException {
        Flows.transfer(Pipes.create(impl, CAPACITY), PRODUCERS, CONSUMERS, elements);
    }
}
