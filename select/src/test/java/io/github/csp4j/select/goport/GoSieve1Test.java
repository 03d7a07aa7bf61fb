package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendChannel;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/sieve1.go: the concurrent prime sieve, a linear chain of
 * divisibility filters over unbuffered channels, each filter a goroutine.
 *
 * <p>As in Go, the first 25 primes (those below 100) are checked; a second run checks the first
 * 300 primes against a plain sieve, which grows the chain to 300 filters. The network runs
 * forever; {@link GoScope} interrupts it at the end and checks that every goroutine ended.
 */
class GoSieve1Test {
    private static final int[] FIRST_25 = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67,
        71, 73, 79, 83, 89, 97};

    /** Sends 2, 3, 4, ... to {@code ch}. */
    private static void generate(SendChannel<Integer> ch) throws InterruptedException {
        for (int i = 2; ; i++) {
            ch.send(i);
        }
    }

    /** Copies {@code in} to {@code out}, removing the multiples of {@code prime}. */
    private static void filter(ReceiveChannel<Integer> in, SendChannel<Integer> out, int prime)
            throws InterruptedException {
        for (;;) {
            int i = in.receive();
            if (i % prime != 0) {
                out.send(i);
            }
        }
    }

    /** Daisy-chains filters: each prime that reaches the end starts a new filter. */
    private static void sieve(GoScope scope, SendChannel<Integer> primes) throws InterruptedException {
        Channel<Integer> ch = Channel.rendezvous();
        Channel<Integer> gen = ch;
        scope.go(() -> generate(gen));
        for (;;) {
            int prime = ch.receive();
            primes.send(prime);
            Channel<Integer> ch1 = Channel.rendezvous();
            Channel<Integer> in = ch;
            scope.go(() -> filter(in, ch1, prime));
            ch = ch1;
        }
    }

    private static int[] firstPrimes(int n) throws Exception {
        int[] got = new int[n];
        try (GoScope scope = new GoScope()) {
            Channel<Integer> primes = Channel.rendezvous();
            scope.go(() -> sieve(scope, primes));
            for (int i = 0; i < n; i++) {
                got[i] = primes.receive();
            }
            scope.checkFailures();
        }
        return got;
    }

    @Test
    void primesBelowHundred() throws Exception {
        assertArrayEquals(FIRST_25, firstPrimes(25));
    }

    @Test
    void firstThreeHundredPrimes() throws Exception {
        assertArrayEquals(plainSieve(300), firstPrimes(300));
    }

    /** The first {@code n} primes by trial division: the reference. */
    static int[] plainSieve(int n) {
        return IntStream.iterate(2, i -> i + 1)
                .filter(i -> IntStream.rangeClosed(2, (int) Math.sqrt(i)).noneMatch(d -> i % d == 0))
                .limit(n)
                .toArray();
    }
}
