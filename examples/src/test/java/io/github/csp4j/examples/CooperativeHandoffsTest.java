package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CooperativeHandoffsTest {
    @Test
    void theWaitsDecideTheOrderAndOverlap() throws Exception {
        Output output = new Output();
        CooperativeHandoffs.Result r = CooperativeHandoffs.run(Duration.ofMillis(500), output.out()); // 250 ms below 5.5 s
        List<String> lines = r.lines();
        assertEquals(7, lines.size(), lines.toString());

        // What runs at once comes first (in any order), then baz after 1 s, then bar after 5 s.
        List<String> atOnce = List.of("foo is running", "baz is blocking, switch back to foo...DONE!",
                "visiting bar...", "context switch from foo to bar, still blocking...jump to baz");
        assertTrue(lines.subList(0, 4).containsAll(atOnce), lines.toString());
        assertEquals("visited bar, still blocking, back to baz...DONE!", lines.get(4));
        assertEquals("visiting bar again...", lines.get(5));
        assertEquals("Finally, bar is DONE!", lines.get(6));
        assertTrue(lines.indexOf("foo is running") < lines.indexOf("baz is blocking, switch back to foo...DONE!"));

        assertTrue(r.seconds() >= 5, "bar sleeps 5 s: " + r.seconds());
        assertTrue(r.seconds() < 5.5, "about 5 s, not 6: " + r.seconds());
    }
}
