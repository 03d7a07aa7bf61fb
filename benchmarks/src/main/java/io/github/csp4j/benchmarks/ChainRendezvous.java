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
 * Shape f (capacity 0): a chain of 10,000 coroutines (virtual threads) passing values down over channels of
 * capacity 0 (rendezvous): {@value #VALUES} values x {@value #STAGES} stages = 1,000,000 hops per invocation, with
 * the 10,002 threads started and joined inside the measurement. Score: ns per hop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ChainRendezvous {
    static final int STAGES = 10_000;
    static final int VALUES = 100;
    static final int CAPACITY = Pipes.RENDEZVOUS;

    @Param({Pipes.CSP4J, Pipes.CSP4J_SPSC, Pipes.JOX, Pipes.SYNCHRONOUS_QUEUE, Pipes.LINKED_TRANSFER_QUEUE})
    public String impl;

    private int stages;

    @Setup
    public void setup() {
        stages = Sizes.scaled(STAGES);
        Pipes.create(impl, CAPACITY);
    }

    @Benchmark
    @OperationsPerInvocation(STAGES * VALUES)
    public void run() throws InterruptedException {
        Flows.chain(impl, CAPACITY, stages, VALUES);
    }
}
