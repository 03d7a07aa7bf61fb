package io.github.csp4j.examples;

import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joining with a timeout: wait so long for a group of coroutines, then deal with the late ones.
 *
 * <p>Ports the notes' remark on {@code gevent.joinall(greenlets, timeout=...)}: five coroutines
 * need 0, 1, 1.5, 4.5 and 6 s; {@link Coroutines#joinAll(Duration, java.util.Collection)} waits
 * 3 s and returns those that finished. The other two are still running: here they are cancelled
 * (gevent would leave them running, as joinAll does, unless you kill them).
 */
public final class JoinAllTimeout {
    private JoinAllTimeout() {
    }

    /** What happened: who finished in time, who did not, and how long the join waited. */
    record Result(List<String> finished, List<String> unfinished, double joinedAfter) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        Map<String, Double> work = new LinkedHashMap<>();
        work.put("sleep-0", 0.0);
        work.put("sleep-1", 1.0);
        work.put("sleep-1.5", 1.5);
        work.put("sleep-4.5", 4.5);
        work.put("sleep-6", 6.0);

        List<Coroutine<String>> jobs = new ArrayList<>();
        work.forEach((name, seconds) -> jobs.add(Coroutines.spawn(name, () -> {
            clock.sleep(seconds);
            out.println(clock.stamp() + " " + name + " finished");
            return name;
        })));

        List<Coroutine<String>> done = Coroutines.joinAll(clock.of(3), jobs); // gevent.joinall(jobs, timeout=3)
        double joinedAfter = clock.elapsed();

        List<String> finished = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (Coroutine<String> job : jobs) {
            (done.contains(job) ? finished : unfinished).add(job.name());
        }
        out.printf("  joinAll gave up after %.2f s: finished %s, still running %s%n",
                joinedAfter, finished, unfinished);

        for (Coroutine<String> late : jobs) {
            if (!done.contains(late)) {
                late.cancel(); // interrupts its sleep
                late.join(); // returns once it has actually stopped
                out.println(clock.stamp() + " " + late.name() + " is " + late.state());
            }
        }
        return new Result(finished, unfinished, joinedAfter);
    }
}
