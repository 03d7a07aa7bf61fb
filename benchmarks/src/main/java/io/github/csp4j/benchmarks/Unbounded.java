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
 * Shape d: unbounded channel, one producer and one consumer. Score: ns per element. The producer
 * never waits, so the queue may grow large: the score includes that allocation.
 * {@code jctools-spsc} (SpscUnboundedArrayQueue, busy spin on platform threads) is the lower limit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class Unbounded {

    @Param({Pipes.CSP4J, Pipes.CSP4J_SPSC, Pipes.JOX, Pipes.LINKED_BLOCKING_QUEUE, Pipes.LINKED_TRANSFER_QUEUE,
            Pipes.JCTOOLS_SPSC})
    public String impl;

    private int elements;

    @Setup
    public void setup() {
        elements = Sizes.scaled(Sizes.ELEMENTS);
        Pipes.create(impl, Pipes.UNBOUNDED);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.ELEMENTS)
    public void run() throws InterruptedException {
        Flows.transfer(Pipes.create(impl, Pipes.UNBOUNDED), 1, 1, elements);
    }
}
