package io.github.csp4j.benchmarks;

import io.github.csp4j.benchmarks.infra.Sizes;
import io.github.csp4j.benchmarks.infra.Spawner;
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
 * Shape h: spawn {@value #COROUTINES} coroutines with an empty body, then join them all.
 * Score: ns per coroutine. csp4j: {@code Coroutines.spawn(body)} and {@code Coroutine.join()}; peer: a
 * bare virtual thread ({@code Thread.ofVirtual().start(body)}, {@code Thread.join()}). Go reference:
 * goroutine + WaitGroup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class Spawn {
    static final int COROUTINES = 100_000;

    @Param({Spawner.CSP4J, Spawner.VIRTUAL_THREAD})
    public String impl;

    private Spawner spawner;
    private Object[] handles;

    @Setup
    public void setup() {
        spawner = Spawner.create(impl);
        handles = new Object[Sizes.scaled(COROUTINES)];
    }

    @Benchmark
    @OperationsPerInvocation(COROUTINES)
    public void run() throws InterruptedException {
        Object[] hs = handles;
        Runnable body = Spawn::body;
        for (int i = 0; i < hs.length; i++) {
            hs[i] = spawner.spawn(body);
        }
        for (int i = 0; i < hs.length; i++) {
            spawner.join(hs[i]);
            hs[i] = null;
        }
    }

    private static void body() {
        // empty: the shape measures spawning and joining only
    }
}
