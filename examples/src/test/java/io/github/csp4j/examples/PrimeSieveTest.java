package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimeSieveTest {
    @Test
    void theChainFindsThePrimes() throws Exception {
        Output output = new Output();
        PrimeSieve.Result r = PrimeSieve.run(Duration.ofMillis(50), output.out());
        assertEquals(List.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
                73, 79, 83, 89, 97, 101, 103, 107, 109, 113), r.primes());
        assertEquals(31, r.coroutines());
    }

    @Test
    void aLongerChainToo() throws Exception {
        PrimeSieve.Result r = PrimeSieve.run(200, new Output().out());
        assertEquals(200, r.primes().size());
        assertEquals(1223, r.primes().get(199)); // the 200th prime
    }
}
