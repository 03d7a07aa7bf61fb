package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PingPongTest {
    @Test
    void thePlayersTakeTurns() throws Exception {
        Output output = new Output();
        PingPong.Result r = PingPong.run(Duration.ofMillis(100), output.out());
        List<String> hitters = r.hitters();
        assertTrue(r.hits() >= 1, "the ball was hit");
        assertEquals(hitters.size(), r.hits(), "every hit is on the ball: only its holder touched it");
        for (int i = 1; i < hitters.size(); i++) {
            assertNotEquals(hitters.get(i - 1), hitters.get(i), "turns alternate: " + hitters);
        }
        Output.report("ping-pong: %d hits in 1 s of 0.1 s turns", r.hits());
    }
}
