package io.github.csp4j.examples;

import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.coroutine.Spawner;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CPU-bound work: coroutines on several cores run in parallel.
 *
 * <p>Ports the concurrency notes' "CPU bound" problem type and their multiprocessing remark. The
 * work is counting the primes below a limit by trial division, cut into 16 chunks. It runs three
 * ways: in one loop; as 16 coroutines that all share one thread, which is what greenlets (and
 * Python threads, under the GIL) give you: concurrency without parallelism, no faster; and as 16
 * coroutines on virtual threads, which the JVM spreads over every core: parallelism, about as many
 * times faster as there are cores. No extra processes are needed, as multiprocessing needs in
 * Python. This example does not sleep: its size is a number of primes, not a time.
 */
public final class CpuBound {
    private CpuBound() {
    }

    static final int LIMIT = 2_000_000;
    static final int CHUNKS = 16;

    /** What happened: the prime counts and the real milliseconds of each way, and the cores. */
    record Result(int cores, long sequentialCount, long oneThreadCount, long parallelCount,
            double sequentialMillis, double oneThreadMillis, double parallelMillis) {
        double speedUp() {
            return sequentialMillis / parallelMillis;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        run(LIMIT, System.out);
    }

    static Result run(int limit, PrintStream out) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf("  counting the primes below %,d, on a machine with %d cores (load average %.1f)%n",
                limit, cores, load);
        countPrimes(2, limit / 4); // warm-up, so that all three ways run compiled code

        long start = System.nanoTime();
        long sequentialCount = countPrimes(2, limit);
        double sequentialMillis = millisSince(start);
        out.printf("  one loop:                              %,8d primes in %6.0f ms%n",
                sequentialCount, sequentialMillis);

        long oneThreadCount;
        double oneThreadMillis;
        try (ExecutorService oneThread = Executors.newSingleThreadExecutor()) {
            start = System.nanoTime();
            oneThreadCount = countInChunks(Coroutines.spawner(oneThread), limit);
            oneThreadMillis = millisSince(start);
        }
        out.printf("  %d coroutines sharing one thread (GIL): %,8d primes in %6.0f ms: %.1fx%n",
                CHUNKS, oneThreadCount, oneThreadMillis, sequentialMillis / oneThreadMillis);

        start = System.nanoTime();
        long parallelCount = countInChunks(null, limit);
        double parallelMillis = millisSince(start);
        out.printf("  %d coroutines on virtual threads:       %,8d primes in %6.0f ms: %.1fx on %d cores%n",
                CHUNKS, parallelCount, parallelMillis, sequentialMillis / parallelMillis, cores);
        if (load > cores - 1) {
            out.printf("  (other programs keep the cores busy: a speed-up needs idle cores, at most %dx here)%n",
                    cores);
        }
        return new Result(cores, sequentialCount, oneThreadCount, parallelCount,
                sequentialMillis, oneThreadMillis, parallelMillis);
    }

    /** Counts the primes below {@code limit} with one coroutine per chunk, and adds them up. */
    static long countInChunks(Spawner spawner, int limit) throws InterruptedException {
        List<Coroutine<Long>> chunks = new ArrayList<>();
        int size = (limit + CHUNKS - 1) / CHUNKS;
        for (int from = 0; from < limit; from += size) {
            int lo = from;
            int hi = Math.min(limit, from + size);
            chunks.add(spawner == null
                    ? Coroutines.spawn(() -> countPrimes(lo, hi)) // a virtual thread each
                    : spawner.spawn(() -> countPrimes(lo, hi))); // tasks of the given executor
        }
        long total = 0;
        for (long count : Coroutines.gather(chunks)) {
            total += count;
        }
        return total;
    }

    /** The number of primes p with {@code from <= p < to}, by trial division. */
    static long countPrimes(int from, int to) {
        long count = 0;
        for (int n = Math.max(from, 2); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(int n) {
        if (n < 4) {
            return n >= 2;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
