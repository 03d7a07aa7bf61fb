package io.github.csp4j.benchmarks.infra;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that measures the core-to-core round trip ({@link CoreToCore}) just before and
 * just after every iteration, warm-up included, and reports both as the iteration's secondary
 * results {@code c2c.before} and {@code c2c.after} (ns). An iteration whose two figures agree ran
 * with its two carriers' cores that far apart, most likely throughout.
 *
 * <p>{@code -prof io.github.csp4j.benchmarks.infra.CoreToCoreProfiler}; ab.sh and ab-go.sh add it
 * to every fork. Each measurement takes about 1-10 ms outside the measured time.
 */
public final class CoreToCoreProfiler implements InternalProfiler {
    private double before;

    @Override
    public String getDescription() {
        return "core-to-core round trip before and after each iteration (ns)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = CoreToCore.roundTripNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double after = CoreToCore.roundTripNanos();
        return List.of(new ScalarResult("c2c.before", before, "ns", AggregationPolicy.AVG),
                new ScalarResult("c2c.after", after, "ns", AggregationPolicy.AVG));
    }
}
