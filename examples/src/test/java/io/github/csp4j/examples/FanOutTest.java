package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOutTest {
    @Test
    void eachJobGoesToExactlyOneWorkerAndTheFastOneTakesMore() throws Exception {
        Output output = new Output();
        FanOut.Result r = FanOut.run(Duration.ofMillis(50), output.out());
        List<Integer> jobs = r.done().stream().map(FanOut.Done::job).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, FanOut.JOBS).boxed().toList(), jobs);
        assertEquals(FanOut.JOBS, r.perWorker().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(r.perWorker().get("fast") >= r.perWorker().get("slow"), r.perWorker().toString());
        Output.report("fan-out: %s", r.perWorker());
    }
}
