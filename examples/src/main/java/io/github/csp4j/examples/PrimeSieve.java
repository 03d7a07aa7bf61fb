package io.github.csp4j.examples;

import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.CoroutineScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The concurrent prime sieve: a chain of coroutines, one per prime found, each filtering out the
 * multiples of its prime.
 *
 * <p>Go's classic ({@code go.dev/doc/play/sieve.go}): a generator sends 2, 3, 4, ... into a
 * channel; the first number to come out is a prime; a new filter coroutine between the chain and
 * the reader drops its multiples; repeat. Each {@code produce} is Go's {@code go} plus
 * {@code make(chan int)}. Go's version leaves the goroutines blocked forever when main returns;
 * here they belong to a scope, and cancelling the scope stops all of them.
 */
public final class PrimeSieve {
    private PrimeSieve() {
    }

    /** What happened: the primes, and how many coroutines the sieve used. */
    record Result(List<Integer> primes, int coroutines) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        return run(30, out);
    }

    static Result run(int count, PrintStream out) throws InterruptedException {
        List<Integer> primes = new ArrayList<>();
        try (CoroutineScope scope = CoroutineScope.open()) {
            ReceiveChannel<Integer> ch = scope.produce(numbers -> { // Generate: 2, 3, 4, ...
                for (int i = 2; ; i++) {
                    numbers.send(i);
                }
            });
            for (int i = 0; i < count; i++) {
                int prime = ch.receive();
                primes.add(prime);
                ReceiveChannel<Integer> in = ch;
                ch = scope.produce(filtered -> { // Filter: pass on what is not a multiple of prime
                    for (int n : in) {
                        if (n % prime != 0) {
                            filtered.send(n);
                        }
                    }
                });
            }
            scope.cancel(); // enough: stop the generator and every filter
        }
        out.printf("  the first %d primes: %s%n", count, primes);
        out.printf("  found by a chain of %d coroutines (a generator and a filter per prime), all stopped%n",
                count + 1);
        return new Result(primes, count + 1);
    }
}
