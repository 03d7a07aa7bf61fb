package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDemoTest {
    @Test
    void theConsumerSeesEveryJobAndTheSelectTimesOutWhenNothingComes() throws Exception {
        Output output = new Output();
        // The real unit: the select's timeout (0.2 s) must outlast the start of the sender.
        ChannelDemo.Result r = ChannelDemo.run(Duration.ofSeconds(1), output.out());
        assertEquals(5, r.received());
        assertEquals(List.of("word hello", "nothing within 0.2 s"), r.selected());
    }
}
