package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutsAndTickersTest {
    @Test
    void ticksThenBoomThenATimeoutAndAResult() throws Exception {
        Output output = new Output();
        TimeoutsAndTickers.Result r = TimeoutsAndTickers.run(Duration.ofMillis(200), output.out()); // 1 s between result and timeout
        assertTrue(r.boom());
        assertTrue(r.ticks() <= 5, "at most 5 ticks of 0.1 s in 0.5 s: " + r.ticks());
        assertEquals("timeout 1", r.first());
        assertEquals("result 2", r.second());
        assertTrue(output.indexOf("BOOM!") < output.indexOf("timeout 1"));
        Output.report("timeouts: %d ticks before the boom", r.ticks());
    }
}
