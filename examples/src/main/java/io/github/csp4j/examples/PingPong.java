package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.CoroutineScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ping-pong: two coroutines hit a ball back and forth over one channel.
 *
 * <p>Go's classic from "Advanced Go Concurrency Patterns": the table is a rendezvous channel, the
 * ball a mutable object that only its current holder touches (sending it hands it over: no lock).
 * Each player takes the ball, counts a hit, waits 0.1 s and sends it back. The main thread tosses
 * the ball in, waits 1 s and takes it off the table: about ten hits, alternating.
 */
public final class PingPong {
    private PingPong() {
    }

    /** The ball: mutable, but only ever held by one coroutine at a time. */
    static final class Ball {
        int hits;
    }

    /** What happened: who hit, in order, and the hits counted on the ball. */
    record Result(List<String> hitters, int hits) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        Channel<Ball> table = Channel.rendezvous();
        List<String> hitters = new CopyOnWriteArrayList<>();
        Ball ball;

        try (CoroutineScope scope = CoroutineScope.open()) {
            for (String name : List.of("ping", "pong")) {
                scope.spawn(name, () -> { // go player(name, table)
                    while (true) {
                        Ball b = table.receive();
                        b.hits++;
                        hitters.add(name);
                        out.printf("%s %s %d%n", clock.stamp(), name, b.hits);
                        clock.sleep(0.1);
                        table.send(b);
                    }
                });
            }
            table.send(new Ball()); // game on; toss the ball
            clock.sleep(1);
            ball = table.receive(); // game over; grab the ball
            scope.cancel(); // the players wait for a ball that will not come: stop them
        }
        out.printf("%s game over after %d hits%n", clock.stamp(), ball.hits);
        return new Result(List.copyOf(hitters), ball.hits);
    }
}
