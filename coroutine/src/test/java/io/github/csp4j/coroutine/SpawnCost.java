package io.github.csp4j.coroutine;

import java.util.concurrent.ThreadFactory;

/**
 * A rough measurement, not a test: spawn and join of 100,000 empty coroutines, against bare
 * virtual threads. The JMH benchmark lives in the benchmarks module; this is for a quick look:
 * {@code java -cp <test classpath> io.github.csp4j.coroutine.SpawnCost [rounds]}.
 */
public final class SpawnCost {
    private static final int N = 100_000;

    private SpawnCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadFactory vt = Thread.ofVirtual().factory();
        Runnable empty = () -> { };
        for (int r = 0; r < rounds; r++) {
            long bare = bare(vt, empty);
            long handle = handles(empty);
            long scoped = scoped(empty);
            System.out.printf("round %2d: bare virtual thread %4d ns, Coroutines.spawn %4d ns (%+.1f%%), scope.spawn %4d ns (%+.1f%%)%n",
                    r, bare, handle, 100.0 * (handle - bare) / bare, scoped, 100.0 * (scoped - bare) / bare);
        }
    }

    private static long bare(ThreadFactory vt, Runnable body) throws InterruptedException {
        Thread[] ts = new Thread[N];
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            Thread t = vt.newThread(body);
            t.start();
            ts[i] = t;
        }
        for (Thread t : ts) {
            t.join();
        }
        return (System.nanoTime() - t0) / N;
    }

    private static long handles(Runnable body) throws InterruptedException {
        Coroutine<?>[] cs = new Coroutine<?>[N];
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            cs[i] = Coroutines.spawn(body);
        }
        for (Coroutine<?> c : cs) {
            c.join();
        }
        return (System.nanoTime() - t0) / N;
    }

    private static long scoped(Runnable body) throws InterruptedException {
        long t0 = System.nanoTime();
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int i = 0; i < N; i++) {
                scope.spawn(body);
            }
        }
        return (System.nanoTime() - t0) / N;
    }
}
