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
        // 1.5 lesson seconds (300 ms) between the timeout and the jobs on either side of it.
        JoinAllTimeout.Result r = JoinAllTimeout.run(Duration.ofMillis(200), output.out());
        assertEquals(List.of("sleep-0", "sleep-1", "sleep-1.5"), r.finished());
        assertEquals(List.of("sleep-4.5", "sleep-6"), r.unfinished());
        assertTrue(r.joinedAfter() >= 3, "joinAll waits its 3 s: " + r.joinedAfter());
        assertTrue(output.text().contains("sleep-4.5 is CANCELLED"), output.text());
        assertTrue(output.text().contains("sleep-6 is CANCELLED"), output.text());
    }
}
