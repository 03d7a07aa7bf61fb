package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventsTest {
    @Test
    void everyWaiterWakesWhenTheEventIsSet() throws Exception {
        Output output = new Output();
        Events.Result r = Events.run(Duration.ofMillis(50), output.out());
        assertTrue(r.setAt() >= 3, "the setter works 3 s first: " + r.setAt());
        assertEquals(5, r.wokeAt().size());
        for (double woke : r.wokeAt()) {
            assertTrue(woke >= r.setAt(), "woke at " + woke + " before the set at " + r.setAt());
        }
        assertEquals(5, output.text().split("It's about time", -1).length - 1);
        int done = output.indexOf("Ok, I'm done");
        assertTrue(done < output.indexOf("It's about time"));
        assertTrue(output.indexOf("I'll wait for you") < done);
    }
}
