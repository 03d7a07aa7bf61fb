package io.github.csp4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.benchmarks.infra.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark, with every parameter combination, for one short iteration in this JVM with
 * its counts divided by 1000: it checks that the benchmarks run, not how fast. The real runs are
 * {@code benchmarks/run.sh}.
 */
class BenchmarksSmokeTest {

    /** JMH's machine-wide lock guards measurements; a smoke run measures nothing, so two builds may smoke at once. */
    private static final String JMH_IGNORE_LOCK = "jmh.ignoreLock";

    @BeforeAll
    static void shrink() {
        System.setProperty(Sizes.DIVISOR_PROPERTY, "1000");
        System.setProperty(JMH_IGNORE_LOCK, "true");
    }

    @AfterAll
    static void restore() {
        System.clearProperty(Sizes.DIVISOR_PROPERTY);
        System.clearProperty(JMH_IGNORE_LOCK);
    }

    static List<String> benchmarks() throws IOException {
        try (InputStream in = BenchmarksSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertTrue(in != null, "no JMH benchmark list: did the annotation processor run?");
            TreeSet<String> names = new TreeSet<>();
            for (BenchmarkListEntry e : BenchmarkList.readBenchmarkList(in)) {
                names.add(e.getUsername());
            }
            return List.copyOf(names);
        }
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void runsOneShortIteration(String benchmark) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark) + "$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertFalse(results.isEmpty(), "no result for " + benchmark);
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score), benchmark + " " + r.getParams() + ": score " + score);
        }
    }
}
