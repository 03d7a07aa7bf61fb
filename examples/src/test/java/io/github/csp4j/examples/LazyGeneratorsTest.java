package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LazyGeneratorsTest {
    @Test
    void theGeneratorRunsOnlyAsFarAsItIsReadAndStopsWhenCancelled() throws Exception {
        Output output = new Output();
        LazyGenerators.Result r = LazyGenerators.run(Duration.ofMillis(50), output.out());
        for (LazyGenerators.Run run : List.of(r.rendezvous(), r.buffered())) {
            assertEquals(fibonacciUpToFirstAbove(1_000), run.taken());
            int ahead = run.generated() - run.taken().size();
            assertTrue(ahead >= 0 && ahead <= run.capacity() + 1,
                    "capacity " + run.capacity() + ": generated " + run.generated() + " for " + run.taken().size());
            assertTrue(run.generatorStopped(), "cancel stops the generator");
        }
    }

    private static List<Long> fibonacciUpToFirstAbove(long max) {
        List<Long> f = new ArrayList<>();
        long a = 0;
        long b = 1;
        while (true) {
            f.add(a);
            if (a > max) {
                return f;
            }
            long next = a + b;
            a = b;
            b = next;
        }
    }
}
