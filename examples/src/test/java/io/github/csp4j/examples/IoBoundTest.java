package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoBoundTest {
    @Test
    void concurrentFetchesOverlapTheirWaits() throws Exception {
        Output output = new Output();
        IoBound.Result r = IoBound.run(Duration.ofMillis(100), output.out());
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= IoBound.PAGES; i++) {
            expected.add("page-" + i);
        }
        assertEquals(expected, r.pages());
        assertTrue(r.sequential() >= IoBound.PAGES * IoBound.DELAY, "each page waits: " + r.sequential());
        assertTrue(r.concurrent() < r.sequential() / 2,
                "concurrent " + r.concurrent() + " s versus sequential " + r.sequential() + " s");
        Output.report("io-bound: sequential %.2f s, concurrent %.2f s (lesson seconds)", r.sequential(),
                r.concurrent());
    }
}
