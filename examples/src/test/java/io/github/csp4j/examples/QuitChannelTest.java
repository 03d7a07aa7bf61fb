package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuitChannelTest {
    @Test
    void tenNumbersThenQuit() throws Exception {
        Output output = new Output();
        QuitChannel.Result r = QuitChannel.run(Duration.ofMillis(50), output.out());
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), r.numbers());
        assertTrue(r.quit());
        List<String> lines = output.lines();
        assertEquals("  quit", lines.get(lines.size() - 1));
    }
}
