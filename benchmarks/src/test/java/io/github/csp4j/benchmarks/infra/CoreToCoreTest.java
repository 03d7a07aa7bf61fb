package io.github.csp4j.benchmarks.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.Result;

/** The core-to-core probe ends, and measures a round trip in the range any machine gives. */
class CoreToCoreTest {

    @Test
    @Timeout(60)
    void measuresAFiniteRoundTripOnTwoOrMoreCpus() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: the probe reports NaN");
        double ns = CoreToCore.roundTripNanos();
        // A cache line cannot cross two cores and back in under a nanosecond; 1 ms per round trip
        // would mean the two threads shared one core by time slices, which the yields prevent.
        assertTrue(ns >= 1 && ns < Duration.ofMillis(1).toNanos(), "round trip " + ns + " ns");
    }

    @Test
    @Timeout(60)
    void theProfilerReportsTheRoundTripBeforeAndAfterEachIteration() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: the probe reports NaN");
        CoreToCoreProfiler profiler = new CoreToCoreProfiler();
        profiler.beforeIteration(null, null);
        List<? extends Result> results = List.copyOf(profiler.afterIteration(null, null, null));
        assertEquals(List.of("c2c.before", "c2c.after"), results.stream().map(Result::getLabel).toList());
        for (Result r : results) {
            assertEquals("ns", r.getScoreUnit());
            assertTrue(r.getScore() >= 1, r.getLabel() + " = " + r.getScore());
        }
    }
}
