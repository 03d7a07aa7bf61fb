package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanInTest {
    @Test
    void bothTalkersAreHeardInTheirOwnOrderAndTheMergeEnds() throws Exception {
        Output output = new Output();
        FanIn.Result r = FanIn.run(Duration.ofMillis(50), output.out());
        assertEquals(2 * FanIn.MESSAGES_EACH, r.messages().size(), r.messages().toString());
        for (String who : List.of("Joe", "Ann")) {
            List<String> said = r.messages().stream().filter(m -> m.startsWith(who + " ")).toList();
            assertEquals(List.of(who + " 0", who + " 1", who + " 2", who + " 3", who + " 4"), said);
        }
        output.indexOf("You're both boring; I'm leaving.");
    }
}
