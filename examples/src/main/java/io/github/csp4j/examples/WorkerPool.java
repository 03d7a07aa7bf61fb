package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.CoroutineScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A worker pool: N workers take jobs from one channel; the results come back in input order.
 *
 * <p>Ports the threading notes' {@code ThreadPoolExecutor(max_workers=3)} and
 * {@code executor.map(thread_function, ...)}. Here {@link #map} is written out: the jobs go into a
 * channel, three worker coroutines take them as they get free, and each result comes back with the
 * index of its job, so that the results are put in input order although the jobs finish in another
 * order. The pool is a scope: closing it waits for the workers, as Python's {@code with} block does.
 */
public final class WorkerPool {
    private WorkerPool() {
    }

    /** How long each job takes, in lesson seconds: uneven, so the jobs finish out of order. */
    static final List<Double> JOB_SECONDS = List.of(0.8, 0.2, 0.6, 0.2, 0.4, 0.8, 0.2, 0.4, 0.2);
    static final int WORKERS = 3;

    /** What happened: the results, the order the jobs finished in, and the lesson seconds it took. */
    record Result(List<Integer> inputs, List<Integer> results, List<Integer> finishOrder, double seconds) {
    }

    /** A job of the pool: a function that may block and throw. */
    @FunctionalInterface
    interface Task<A, B> {
        B apply(A input) throws Exception;
    }

    record Job<A>(int index, A input) {
    }

    record Done<B>(int index, B value) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < JOB_SECONDS.size(); i++) {
            inputs.add(i);
        }
        List<Integer> finishOrder = new CopyOnWriteArrayList<>();

        List<Integer> results = map(WORKERS, inputs, n -> { // executor.map(thread_function, inputs)
            out.printf("%s %s: job %d starting%n", clock.stamp(), Thread.currentThread().getName(), n);
            clock.sleep(JOB_SECONDS.get(n));
            out.printf("%s %s: job %d finishing%n", clock.stamp(), Thread.currentThread().getName(), n);
            finishOrder.add(n);
            return n * n;
        });

        double seconds = clock.elapsed();
        double oneByOne = JOB_SECONDS.stream().mapToDouble(Double::doubleValue).sum();
        out.printf("  finished in the order %s%n", finishOrder);
        out.printf("  results in input order: %s (squares of %s)%n", results, inputs);
        out.printf("  %d workers took %.2f s; one worker would take %.2f s%n", WORKERS, seconds, oneByOne);
        return new Result(inputs, results, List.copyOf(finishOrder), seconds);
    }

    /** {@code executor.map}: applies {@code task} to every input on {@code workers} coroutines. */
    static <A, B> List<B> map(int workers, List<A> inputs, Task<A, B> task) throws InterruptedException {
        Channel<Job<A>> jobs = Channel.buffered(inputs.size());
        Channel<Done<B>> done = Channel.buffered(inputs.size());
        try (CoroutineScope pool = CoroutineScope.open()) {
            for (int w = 1; w <= workers; w++) {
                pool.spawn("worker-" + w, () -> {
                    for (Job<A> job : jobs) { // each worker takes the next job as soon as it is free
                        done.send(new Done<>(job.index(), task.apply(job.input())));
                    }
                    return null;
                });
            }
            try {
                for (int i = 0; i < inputs.size(); i++) {
                    jobs.send(new Job<>(i, inputs.get(i)));
                }
            } finally {
                jobs.close(); // no more jobs: the workers stop once the channel is drained
            }
        } // waits for the workers; if a job failed, the others are cancelled and this throws
        List<B> results = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        for (int i = 0; i < inputs.size(); i++) {
            Done<B> d = done.receive();
            results.set(d.index(), d.value());
        }
        return results;
    }
}
