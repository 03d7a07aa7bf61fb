package io.github.csp4j.examples;

import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Spawning: three coroutines run at the same time and are joined together.
 *
 * <p>Ports the gevent notes' "Spawning": {@code foo("Hello", 1)}, {@code foo("I live!", 2)} and
 * {@code lambda x: x + 1}, spawned and then joined with {@code gevent.joinall}. A sleep is
 * waiting, not working, so the two sleeps overlap: the whole takes about 2 s (the longest), not
 * 3 s (the sum).
 */
public final class Spawning {
    private Spawning() {
    }

    /** What happened: the lesson seconds it took and what the third coroutine computed. */
    record Result(double seconds, int computed) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);

        // gevent.spawn(foo, "Hello", 1) and friends: each is a coroutine on a virtual thread.
        Coroutine<String> thread1 = Coroutines.spawn(() -> foo(clock, out, "Hello", 1));
        Coroutine<String> thread2 = Coroutines.spawn(() -> foo(clock, out, "I live!", 2));
        int x = 2;
        Coroutine<Integer> thread3 = Coroutines.spawn(() -> x + 1);

        // gevent.joinall(threads): wait until all three are done.
        List<Coroutine<?>> threads = List.of(thread1, thread2, thread3);
        for (Coroutine<?> thread : threads) {
            thread.join();
        }
        double seconds = clock.elapsed();

        int computed = thread3.result();
        out.printf("  the third coroutine computed %d + 1 = %d%n", x, computed);
        out.printf("  all three joined after %.2f s: the sleeps of 1 s and 2 s overlapped"
                + " (one after the other they would take 3 s)%n", seconds);
        return new Result(seconds, computed);
    }

    /** The notes' {@code foo(message, n)}: sleep n seconds, then print the message. */
    static String foo(LessonClock clock, PrintStream out, String message, double n) throws InterruptedException {
        clock.sleep(n);
        out.println(clock.stamp() + " " + message);
        return message;
    }
}
