package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.coroutine.WaitGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out: several workers read from one channel; each job goes to exactly one of them, to
 * whichever is free, so the faster workers take more.
 *
 * <p>Go's classic from "Go Concurrency Patterns: Pipelines and cancellation" (fan-out, then fan-in
 * with a {@code sync.WaitGroup}): three workers of different speeds (0.05 s, 0.1 s and 0.2 s a job)
 * share 24 jobs. Nobody assigns the jobs: a worker that is free receives the next one. Each worker
 * sends its results into one channel, and a last coroutine closes that channel once the wait group
 * says all workers are done (Go's {@code go func() { wg.Wait(); close(out) }()}).
 */
public final class FanOut {
    private FanOut() {
    }

    static final int JOBS = 24;
    static final Map<String, Double> WORKERS = workers();

    private static Map<String, Double> workers() {
        Map<String, Double> speeds = new LinkedHashMap<>(); // name -> lesson seconds per job
        speeds.put("fast", 0.05);
        speeds.put("medium", 0.1);
        speeds.put("slow", 0.2);
        return speeds;
    }

    /** A job done: which, by whom. */
    record Done(int job, String worker) {
    }

    /** What happened: every job done, and how many each worker did. */
    record Result(List<Done> done, Map<String, Integer> perWorker, double seconds) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        Channel<Integer> jobs = Channel.buffered(JOBS);
        Channel<Done> results = Channel.unbounded();

        WaitGroup wg = new WaitGroup();
        WORKERS.forEach((name, seconds) -> {
            wg.add(1);
            Coroutines.spawn(name, () -> {
                try {
                    for (int job : jobs) { // fan-out: every worker reads the same channel
                        clock.sleep(seconds);
                        results.send(new Done(job, name));
                    }
                } finally {
                    wg.done();
                }
                return null;
            });
        });
        Coroutines.spawn("closer", () -> {
            wg.await();
            results.close(); // fan-in: all workers are done, so no more results
            return null;
        });

        for (int job = 1; job <= JOBS; job++) {
            jobs.send(job);
        }
        jobs.close();

        List<Done> done = new ArrayList<>();
        Map<String, Integer> perWorker = new LinkedHashMap<>();
        WORKERS.keySet().forEach(name -> perWorker.put(name, 0));
        for (Done d : results) {
            done.add(d);
            perWorker.merge(d.worker(), 1, Integer::sum);
        }
        double seconds = clock.elapsed();
        perWorker.forEach((name, count) -> out.printf("  %-6s (%.2f s a job) did %2d jobs%n",
                name, WORKERS.get(name), count));
        out.printf("  %d jobs in %.2f s, each done once, by whichever worker was free%n", done.size(), seconds);
        return new Result(done, perWorker, seconds);
    }
}
