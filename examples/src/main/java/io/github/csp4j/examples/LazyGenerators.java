package io.github.csp4j.examples;

import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.coroutine.Event;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generators: a producer that makes its values lazily, read with a for-each loop.
 *
 * <p>Ports the asyncio primer's generators ({@code yield}, "the generator's state of execution is
 * suspended and local variables are preserved"). {@link Coroutines#produce} runs the generator
 * body on a coroutine; {@code out.send(x)} is {@code yield x}. On a rendezvous channel a send
 * completes only when the consumer takes the value, so an infinite generator (here: the Fibonacci
 * numbers) computes at most one value more than was asked for. Breaking out of the loop leaves the
 * generator waiting; {@code cancel()} on its channel stops it. With a buffer of 5 it may run up to
 * 5 values further ahead: the buffer is how far ahead it may go.
 */
public final class LazyGenerators {
    private LazyGenerators() {
    }

    /** What happened, for each buffer size: values taken by the loop, values the generator made. */
    record Run(int capacity, List<Long> taken, int generated, boolean generatorStopped) {
    }

    record Result(Run rendezvous, Run buffered) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        Run rendezvous = fibonacciUpTo(1_000, 0, out);
        Run buffered = fibonacciUpTo(1_000, 5, out);
        return new Result(rendezvous, buffered);
    }

    /** Reads Fibonacci numbers from an infinite generator until one exceeds {@code max}. */
    static Run fibonacciUpTo(long max, int capacity, PrintStream out) throws InterruptedException {
        AtomicInteger generated = new AtomicInteger();
        Event stopped = new Event();

        ReceiveChannel<Long> fibonacci = Coroutines.produce(capacity, values -> {
            try {
                long a = 0;
                long b = 1;
                while (true) { // an infinite generator: it runs only as far as it is read
                    generated.incrementAndGet();
                    values.send(a); // yield a
                    long next = a + b;
                    a = b;
                    b = next;
                }
            } finally {
                stopped.set();
            }
        });

        List<Long> taken = new ArrayList<>();
        try {
            for (long f : fibonacci) { // for f in fibonacci():
                taken.add(f);
                if (f > max) {
                    break;
                }
            }
        } finally {
            fibonacci.cancel(); // we are done with it: stop the generator
        }
        boolean generatorStopped = stopped.await(Duration.ofSeconds(10));

        out.printf("  produce(%d, ...): the loop took %d values, %s ... %d; the generator made %d;"
                + " stopped after cancel: %s%n", capacity, taken.size(), taken.subList(0, 8),
                taken.get(taken.size() - 1), generated.get(), generatorStopped ? "yes" : "NO");
        return new Run(capacity, taken, generated.get(), generatorStopped);
    }
}
