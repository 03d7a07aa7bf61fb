package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinAllTimeoutTest {
    @Test
    void thoseThatFinishInTimeAreReturnedTheOthersAreCancelled() throws Exception {
        Output output = new Output();
        JoinAllTimeout.Result r = JoinAllTimeout.run(Duration.ofMillis(100), output.out());
        assertEquals(List.of("instant", "one", "two"), r.finished());
        assertEquals(List.of("four", "five"), r.unfinished());
        assertTrue(r.joinedAfter() >= 3, "joinAll waits its 3 s: " + r.joinedAfter());
        assertTrue(output.text().contains("four is CANCELLED"));
        assertTrue(output.text().contains("five is CANCELLED"));
    }
}
