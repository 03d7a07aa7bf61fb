package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubprocessesTest {
    @Test
    void allOutputArrivesOnOneChannelAndTheCommandsRunAtOnce() throws Exception {
        Output output = new Output();
        Subprocesses.Result r = Subprocesses.run(Duration.ofMillis(200), output.out()); // process start-up is not scaled
        assertEquals(List.of("1", "2", "3"), texts(r, "count", "out"));
        assertEquals(List.of("a", "b", "c"), texts(r, "letters", "out"));
        assertEquals(List.of("something went wrong"), texts(r, "fails", "err"));
        assertEquals(List.of(), texts(r, "fails", "out"));
        assertEquals(Map.of("count", 0, "letters", 0, "fails", 3), r.exitCodes());
        assertTrue(r.seconds() >= 3 * Subprocesses.PAUSE, "count pauses 3 times: " + r.seconds());
        assertTrue(r.seconds() < 7 * Subprocesses.PAUSE, "at once, not one after the other: " + r.seconds());
    }

    private static List<String> texts(Subprocesses.Result r, String command, String stream) {
        return r.lines().stream()
                .filter(l -> l.command().equals(command) && l.stream().equals(stream))
                .map(Subprocesses.Line::text)
                .toList();
    }
}
