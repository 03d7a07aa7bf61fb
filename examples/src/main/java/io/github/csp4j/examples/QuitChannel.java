package io.github.csp4j.examples;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.select.Select;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A quit channel: a producer offers values until it is told to stop.
 *
 * <p>The Go tour's "Select": {@code fibonacci(c, quit)} selects between sending the next number
 * on {@code c} and receiving from {@code quit}. A coroutine reads ten numbers and then sends on
 * {@code quit}; the producer, never blocked on {@code c} alone, hears it and returns.
 */
public final class QuitChannel {
    private QuitChannel() {
    }

    /** What happened: the numbers read, and whether the producer quit. */
    record Result(List<Long> numbers, boolean quit) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        Channel<Long> c = Channel.rendezvous();
        Channel<Integer> quit = Channel.rendezvous();
        List<Long> numbers = new ArrayList<>();

        Coroutines.spawn(() -> {
            for (int i = 0; i < 10; i++) {
                long n = c.receive();
                numbers.add(n);
                out.println("  " + n);
            }
            quit.send(0);
            return null;
        });
        boolean quitted = fibonacci(c, quit, out);
        return new Result(numbers, quitted);
    }

    /** Sends 0, 1, 1, 2, 3, ... on {@code c} until something arrives on {@code quit}. */
    static boolean fibonacci(Channel<Long> c, Channel<Integer> quit, PrintStream out) throws InterruptedException {
        long x = 0;
        long y = 1;
        while (true) {
            boolean sent = Select.select(
                    onSend(c, x, () -> true),
                    onReceive(quit, q -> false));
            if (!sent) {
                out.println("  quit");
                return true;
            }
            long next = x + y;
            x = y;
            y = next;
        }
    }
}
