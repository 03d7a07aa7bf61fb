package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
    @Test
    void closingDoneStopsEveryStage() throws Exception {
        Output output = new Output();
        Pipeline.Result r = Pipeline.run(Duration.ofMillis(50), output.out());
        assertEquals(Pipeline.WANTED, r.taken().size());
        assertEquals(Pipeline.WANTED, new HashSet<>(r.taken()).size(), "distinct: " + r.taken());
        for (int v : r.taken()) {
            int root = (int) Math.round(Math.sqrt(v));
            assertTrue(root * root == v && root >= 1 && root <= Pipeline.NUMBERS, v + " is a square of 1..1000");
        }
        assertEquals(List.of("gen", "sq-1", "sq-2", "merge-1", "merge-2", "merge-closer"), r.stages());
        assertTrue(r.allStopped(), "every stage stopped after done was closed");
    }
}
