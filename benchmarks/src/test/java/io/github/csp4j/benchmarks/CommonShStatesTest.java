package io.github.csp4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alternating scripts' sorting of JMH iterations by core-to-core state (benchmarks/lib/common.sh:
 * {@code states_of}, {@code by_state}, {@code state_ratios}), run by bash on a JMH log as the
 * profiler prints it: each measured iteration gets the band of its two round trips, warm-ups are
 * left out, and a missing figure reads "unknown".
 */
class CommonShStatesTest {

    private static final String LOG = """
            # Warmup Iteration   1: 1064.943 ns/op
            Iteration   1: 251.000 ns/op
                             c2c.after:  34.680 ns
                             c2c.before: 41.569 ns

            Iteration   2: 178.000 ns/op
                             c2c.after:  29.280 ns
                             c2c.before: 44.073 ns

            Iteration   3: 313.000 ns/op
                             c2c.after:  483.702 ns
                             c2c.before: 30.011 ns

            Iteration   4: 500.000 ns/op
                             c2c.after:  452.604 ns
                             c2c.before: 410.000 ns

            Iteration   5: 220.000 ns/op
                             c2c.after:  67.230 ns
                             c2c.before: 140.000 ns

            Iteration   6: 230.000 ns/op

            Result "io.github.csp4j.benchmarks.SelectTwo.run":
            """;

    @TempDir
    Path dir;

    @Test
    void sortsMeasuredIterationsByTheBandOfTheirRoundTrips() throws Exception {
        Path log = dir.resolve("fork.log");
        Files.writeString(log, LOG);
        assertEquals("""
                251.000 c2c<50ns
                178.000 c2c<50ns
                313.000 mixed
                500.000 c2c>250ns
                220.000 c2c50-250ns
                230.000 unknown
                """, bash("states_of '" + log + "'"));
        assertEquals("""
                A c2c50-250ns: n=1 p10 220.0 p50 220.0 p90 220.0
                A c2c<50ns: n=2 p10 178.0 p50 251.0 p90 251.0
                A c2c>250ns: n=1 p10 500.0 p50 500.0 p90 500.0
                A mixed: n=1 p10 313.0 p50 313.0 p90 313.0
                A unknown: n=1 p10 230.0 p50 230.0 p90 230.0
                """, bash("states_of '" + log + "' | by_state A"));
        assertEquals("""
                p50 A/B c2c<50ns: 2.510
                p50 A/B c2c>250ns: 0.500
                """, bash("state_ratios \"$(states_of '" + log + "' | by_state A)\" "
                + "\"$(printf '100 c2c<50ns\\n1000 c2c>250ns\\n' | by_state B)\""));
    }

    /** Runs {@code script} after sourcing common.sh; returns its standard output (its errors go to the failure message). */
    private String bash(String script) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "bash", ".err");
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; . lib/common.sh; " + script)
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not end: " + out + Files.readString(err));
        }
        assertEquals(0, p.exitValue(), () -> out + errors(err));
        return out;
    }

    private static String errors(Path err) {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
