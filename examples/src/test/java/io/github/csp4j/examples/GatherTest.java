package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherTest {
    @Test
    void gatheredTheJobsTakeFiveSecondsInsteadOfEight() throws Exception {
        Output output = new Output();
        Gather.Result r = Gather.run(Duration.ofMillis(200), output.out()); // 300 ms below 6.5 s
        assertEquals(List.of("files uploaded", "emails sent"), r.results());
        assertTrue(r.sequential() >= 8, "one after the other: 1 + 4 + 3 s: " + r.sequential());
        assertTrue(r.gathered() >= 5, "the upload alone takes 5 s: " + r.gathered());
        assertTrue(r.gathered() < 6.5, "about 5 s, not 8: " + r.gathered());
        // While the files upload, the emails go out.
        String text = output.text();
        String together = text.substring(text.indexOf("together, with gather"));
        assertTrue(together.indexOf("Emails sent...") < together.indexOf("Files uploaded."), together);
    }
}
