package io.github.csp4j.examples;

import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cooperative hand-offs: coroutines give way when they wait, and the waits decide the order.
 *
 * <p>Ports the gevent notes' foo/bar/baz ("Enter Gevent"): foo yields with
 * {@code gevent.sleep(0)} ({@link Thread#yield()} here), bar sleeps 5 s and baz sleeps 1 s. Each
 * line is printed with the lesson time at which it ran. Whoever waits lets the others run, so the
 * three take 5 s together, not 6. One difference from greenlets: coroutines run on all the cores
 * (virtual threads), so the lines printed at the same instant (foo's and baz's first lines) may
 * come in either order; only a wait, or a channel, orders them.
 */
public final class CooperativeHandoffs {
    private CooperativeHandoffs() {
    }

    /** What happened: the lines in the order they were printed, and the lesson seconds it took. */
    record Result(List<String> lines, double seconds) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        List<String> lines = new CopyOnWriteArrayList<>();
        Log log = line -> {
            lines.add(line);
            out.println(clock.stamp() + " " + line);
        };

        Coroutine<Void> foo = Coroutines.spawn("foo", () -> foo(log));
        Coroutine<Void> bar = Coroutines.spawn("bar", () -> {
            bar(clock, log);
            return null;
        });
        Coroutine<Void> baz = Coroutines.spawn("baz", () -> {
            baz(clock, log);
            return null;
        });
        for (Coroutine<Void> c : List.of(foo, bar, baz)) { // gevent.joinall([...])
            c.result(); // join, and rethrow a failure if there was one
        }

        double seconds = clock.elapsed();
        out.printf("  all three done after %.2f s: bar's 5 s and baz's 1 s of sleep overlapped (6 s in a row)%n",
                seconds);
        return new Result(List.copyOf(lines), seconds);
    }

    /** Prints a line of the lesson. */
    interface Log {
        void say(String line);
    }

    static void foo(Log log) {
        log.say("foo is running");
        Thread.yield(); // gevent.sleep(0): let the others run
        log.say("baz is blocking, switch back to foo...DONE!");
        log.say("visiting bar...");
    }

    static void bar(LessonClock clock, Log log) throws InterruptedException {
        clock.sleep(5); // gevent.sleep(5): waits, and gives way
        log.say("Finally, bar is DONE!");
    }

    static void baz(LessonClock clock, Log log) throws InterruptedException {
        log.say("context switch from foo to bar, still blocking...jump to baz");
        clock.sleep(1);
        log.say("visited bar, still blocking, back to baz...DONE!");
        log.say("visiting bar again...");
    }
}
