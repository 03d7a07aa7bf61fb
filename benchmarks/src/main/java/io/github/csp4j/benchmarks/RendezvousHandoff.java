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
 * Shape a: rendezvous handoff. One producer hands 1,000,000 elements to one consumer through a
 * channel of capacity 0, both on virtual threads started and joined inside the measurement.
 * Score: ns per element. Go reference: an unbuffered chan.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RendezvousHandoff {

    @Param({Pipes.CSP4J, Pipes.CSP4J_SPSC, Pipes.JOX, Pipes.SYNCHRONOUS_QUEUE, Pipes.EXCHANGER, Pipes.LINKED_TRANSFER_QUEUE,
            Pipes.SPIN_SLOT})
    public String impl;

    private int elements;

    @Setup
    public void setup() {
        elements = Sizes.scaled(Sizes.ELEMENTS);
        Pipes.create(impl, Pipes.RENDEZVOUS); // fails fast on a name without a rendezvous flavour
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.ELEMENTS)
    public void run() throws InterruptedException {
        Flows.transfer(Pipes.create(impl, Pipes.RENDEZVOUS), 1, 1, elements);
    }
}
