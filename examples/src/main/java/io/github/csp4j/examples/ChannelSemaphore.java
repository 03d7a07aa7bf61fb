package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.CoroutineScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A semaphore: bound how many coroutines do something at once with a buffered channel.
 *
 * <p>Ports the notes' "Semaphores" (a counter that limits access to a resource) the Go way: a
 * channel with room for 3 tokens. A coroutine sends a token before it starts (waiting while 3 are
 * in) and takes one back when it is done. Ten tasks of 0.5 s each, at most 3 at a time: at least
 * 4 rounds, 2 s, and never a fourth task running.
 */
public final class ChannelSemaphore {
    private ChannelSemaphore() {
    }

    static final int TASKS = 10;
    static final int PERMITS = 3;
    static final double WORK = 0.5; // lesson seconds per task

    /** What happened: the most tasks seen running at once, and the lesson seconds it took. */
    record Result(int maxRunning, double seconds) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        Channel<Boolean> permits = Channel.buffered(PERMITS); // room for 3 tokens: 3 permits
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();

        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int t = 1; t <= TASKS; t++) {
                String name = "task-" + t;
                scope.spawn(name, () -> {
                    permits.send(true); // acquire: waits while 3 tokens are in
                    try {
                        int now = running.incrementAndGet();
                        maxRunning.accumulateAndGet(now, Math::max);
                        out.printf("%s %-7s starts  (%d running)%n", clock.stamp(), name, now);
                        clock.sleep(WORK);
                        running.decrementAndGet();
                    } finally {
                        permits.receive(); // release: take a token back out
                    }
                    return null;
                });
            }
        }

        double seconds = clock.elapsed();
        out.printf("  %d tasks of %.1f s, at most %d at once (seen: %d): %.2f s%n",
                TASKS, WORK, PERMITS, maxRunning.get(), seconds);
        return new Result(maxRunning.get(), seconds);
    }
}
