package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuBoundTest {
    @Test
    void everyWayCountsThePrimesRight() throws Exception {
        Output output = new Output();
        CpuBound.Result r = CpuBound.run(300_000, output.out());
        assertEquals(25_997, r.sequentialCount()); // pi(300,000)
        assertEquals(25_997, r.oneThreadCount());
        assertEquals(25_997, r.parallelCount());
        // The speed-up depends on idle cores, which tests share: reported, not asserted.
        Output.report("cpu-bound: %d cores, sequential %.0f ms, one thread %.0f ms, parallel %.0f ms: %.2fx",
                r.cores(), r.sequentialMillis(), r.oneThreadMillis(), r.parallelMillis(), r.speedUp());
    }

    @Test
    void isPrimeAgreesWithASieve() {
        int limit = 10_000;
        boolean[] composite = new boolean[limit];
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                for (int j = 2 * i; j < limit; j += i) {
                    composite[j] = true;
                }
            }
            assertEquals(!composite[i], CpuBound.isPrime(i), "isPrime(" + i + ")");
        }
        assertEquals(false, CpuBound.isPrime(0));
        assertEquals(false, CpuBound.isPrime(1));
    }
}
