package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.CoroutineScope;
import io.github.csp4j.coroutine.Coroutines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The race: threads that share a variable see each other's changes at random moments and lose
 * updates; a coroutine that owns the variable, and is told what to do through a channel, does not.
 * Do not communicate by sharing memory; share memory by communicating.
 *
 * <p>Ports the gevent notes' "Epitaph to Threads": three threads, one global {@code val}, random
 * sleeps, each printing "Should be ..., but got ...". Then the lost update itself, counted:
 * coroutines doing {@code val += 1} on a shared field (a read, then a write: another thread may
 * write in between). Then the same increments sent as messages to one owner coroutine, which alone
 * touches the value: always exact.
 */
public final class Race {
    private Race() {
    }

    /** What happened: the notes' three lines, and the counts of the racy and the owned counter. */
    record Result(List<String> notesLines, int expected, int racy, int owned) {
    }

    /** The notes' global variable: shared, and deliberately unsynchronised. */
    static final class Global {
        int val;

        Global(int val) {
            this.val = val;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);

        out.println("  -- the notes' program: three threads, one global variable, random sleeps");
        Global global = new Global(1);
        out.println(clock.stamp() + " Start");
        List<Coroutine<String>> threads = List.of( // threading.Thread(...).start(); a coroutine is a thread
                Coroutines.spawn("increment", () -> say(clock, out, increment(clock, global))),
                Coroutines.spawn("multiply", () -> say(clock, out, multiply(clock, global))),
                Coroutines.spawn("decrement", () -> say(clock, out, decrement(clock, global))));
        out.println(clock.stamp() + " Behold...");
        List<String> notesLines = new ArrayList<>();
        for (Coroutine<String> t : threads) {
            notesLines.add(t.result());
        }

        int workers = 4;
        int increments = 1_000;
        int expected = workers * increments;

        out.printf("  -- lost updates: %d coroutines each do `val += 1` %d times on a shared field%n",
                workers, increments);
        Global shared = new Global(0);
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int w = 0; w < workers; w++) {
                scope.spawn(() -> {
                    for (int i = 0; i < increments; i++) {
                        int seen = shared.val; // read...
                        Thread.yield(); // ...another thread may run here, at any moment; yielding makes it likely
                        shared.val = seen + 1; // ...write: whatever the others wrote meanwhile is lost
                    }
                });
            }
        }
        int racy = shared.val;
        out.printf("  expected %d, got %d: %d updates lost%n", expected, racy, expected - racy);

        out.printf("  -- share memory by communicating: one owner coroutine, %d senders%n", workers);
        Channel<Integer> deltas = Channel.buffered(64);
        Coroutine<Integer> owner = Coroutines.spawn("owner", () -> {
            int val = 0; // only the owner ever touches it
            for (int delta : deltas) {
                val += delta;
            }
            return val; // the channel was closed: every sender is done
        });
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int w = 0; w < workers; w++) {
                scope.spawn(() -> {
                    for (int i = 0; i < increments; i++) {
                        Thread.yield(); // the same chances to interleave as above
                        deltas.send(1); // "add one", as a message
                    }
                    return null;
                });
            }
        } finally {
            deltas.close(); // no more messages: the owner's loop ends once it has read them all
        }
        int owned = owner.result();
        out.printf("  expected %d, got %d: %s%n", expected, owned, owned == expected ? "exact" : "WRONG");
        return new Result(notesLines, expected, racy, owned);
    }

    static String increment(LessonClock clock, Global g) throws InterruptedException {
        clock.sleep(randint(1, 3));
        g.val += 1;
        clock.sleep(randint(1, 3));
        g.val += 1;
        clock.sleep(randint(1, 5));
        g.val += 1;
        return "Should be 4, but got " + g.val;
    }

    static String multiply(LessonClock clock, Global g) throws InterruptedException {
        clock.sleep(randint(0, 3));
        g.val *= 2;
        return "Should be 2, but got " + g.val;
    }

    static String decrement(LessonClock clock, Global g) throws InterruptedException {
        g.val -= 1;
        clock.sleep(randint(0, 4));
        g.val -= 1;
        return "Should be -1, but got " + g.val;
    }

    /** Python's {@code random.randint(a, b)}: a to b inclusive. */
    static int randint(int a, int b) {
        return ThreadLocalRandom.current().nextInt(a, b + 1);
    }

    private static String say(LessonClock clock, PrintStream out, String line) {
        out.println(clock.stamp() + " " + line);
        return line;
    }
}
