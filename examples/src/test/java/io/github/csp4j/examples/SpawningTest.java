package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpawningTest {
    @Test
    void theSleepsOverlapSoTheWholeTakesTwoSecondsNotThree() throws Exception {
        Output output = new Output();
        Spawning.Result r = Spawning.run(Duration.ofMillis(500), output.out()); // 250 ms of margin below 2.5 s
        assertEquals(3, r.computed());
        assertTrue(r.seconds() >= 2, "cannot be done before the longer sleep: " + r.seconds());
        assertTrue(r.seconds() < 2.5, "about 2 s, not 3: " + r.seconds());
        assertTrue(output.indexOf("Hello") < output.indexOf("I live!"));
    }
}
