package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerConsumerTest {
    @Test
    void everyItemIsConsumedOnceAndTheProducersAreHeldBack() throws Exception {
        Output output = new Output();
        ProducerConsumer.Result r = ProducerConsumer.run(Duration.ofMillis(50), output.out());

        List<String> expected = new ArrayList<>();
        for (int p = 1; p <= ProducerConsumer.PRODUCERS; p++) {
            for (int i = 1; i <= ProducerConsumer.ITEMS_EACH; i++) {
                expected.add("p" + p + "-" + i);
            }
        }
        List<String> consumed = new ArrayList<>(r.consumed());
        consumed.sort(null);
        expected.sort(null);
        assertEquals(expected, consumed, "each item consumed exactly once");

        // Back-pressure: the last send can complete only when at most CAPACITY items wait, i.e.
        // once 15 of the 18 have been taken; two consumers taking one per 0.2 s need >= 1.4 s for that.
        assertTrue(r.producersDoneAt() >= 1.3, "the producers were held back: " + r.producersDoneAt());
        // The clean shutdown: both consumers saw the close and stopped.
        assertEquals(2, output.text().split("queue closed and drained", -1).length - 1);
    }
}
