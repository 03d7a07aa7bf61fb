package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelSemaphoreTest {
    @Test
    void neverMoreThanThreeAtOnce() throws Exception {
        Output output = new Output();
        ChannelSemaphore.Result r = ChannelSemaphore.run(Duration.ofMillis(50), output.out());
        assertTrue(r.maxRunning() >= 1 && r.maxRunning() <= ChannelSemaphore.PERMITS, "max " + r.maxRunning());
        // 10 tasks, 3 at a time: at least 4 rounds of 0.5 s.
        assertTrue(r.seconds() >= 4 * ChannelSemaphore.WORK, "took " + r.seconds());
    }
}
