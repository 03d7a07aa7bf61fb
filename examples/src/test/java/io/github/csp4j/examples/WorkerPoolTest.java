package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void resultsComeBackInInputOrderFasterThanOneWorker() throws Exception {
        Output output = new Output();
        WorkerPool.Result r = WorkerPool.run(Duration.ofMillis(100), output.out());
        assertEquals(r.inputs().stream().map(n -> n * n).toList(), r.results());
        assertEquals(r.inputs().size(), r.finishOrder().size());
        double oneWorker = WorkerPool.JOB_SECONDS.stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(r.seconds() < oneWorker, r.seconds() + " s with 3 workers, " + oneWorker + " s with one");
        Output.report("worker-pool: finish order %s, %.2f s", r.finishOrder(), r.seconds());
    }

    @Test
    void aFailingJobFailsTheMap() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> WorkerPool.map(2, List.of(1, 2, 3), n -> {
                    if (n == 2) {
                        throw new IllegalStateException("job 2 failed");
                    }
                    return n;
                }));
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    }
}
