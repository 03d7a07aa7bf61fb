package io.github.csp4j.benchmarks;

import io.github.csp4j.benchmarks.infra.Flows;
import io.github.csp4j.benchmarks.infra.Pipe;
import io.github.csp4j.benchmarks.infra.Pipes;
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
 * Shape a': ping-pong. Two virtual threads bounce an element over two rendezvous channels,
 * 1,000,000 round trips per invocation. Score: ns per round trip (two handoffs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PingPong {

    @Param({Pipes.CSP4J, Pipes.CSP4J_SPSC, Pipes.JOX, Pipes.SYNCHRONOUS_QUEUE, Pipes.EXCHANGER, Pipes.LINKED_TRANSFER_QUEUE,
            Pipes.SPIN_SLOT})
    public String impl;

    private int roundTrips;

    @Setup
    public void setup() {
        roundTrips = Sizes.scaled(Sizes.ELEMENTS);
        Pipes.create(impl, Pipes.RENDEZVOUS);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.ELEMENTS)
    public long run() throws InterruptedException {
        Pipe<Integer> ping = Pipes.create(impl, Pipes.RENDEZVOUS);
        Pipe<Integer> pong = Pipes.create(impl, Pipes.RENDEZVOUS);
        int n = roundTrips;
        long[] sum = new long[1];
        Workers workers = new Workers(2);
        workers.start(ping.threads(), () -> {
            for (int i = 0; i < n; i++) {
                pong.send(ping.receive());
            }
        });
        workers.start(ping.threads(), () -> {
            long s = 0;
            for (int i = 0; i < n; i++) {
                ping.send(Flows.element(i));
                s += pong.receive();
            }
            sum[0] = s;
        });
        workers.joinAll();
        Flows.check(sum[0], Flows.expectedSum(n));
        return sum[0];
    }
}
