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
        long[] b = new long[rounds];
        long[] h = new long[rounds];
        long[] s = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            b[r] = bare(vt, empty);
            h[r] = handles(empty);
            s[r] = scoped(empty);
            System.out.printf("round %2d: bare virtual thread %4d ns, Coroutines.spawn %4d ns (%+.1f%%), scope.spawn %4d ns (%+.1f%%)%n",
                    r, b[r], h[r], 100.0 * (h[r] - b[r]) / b[r], s[r], 100.0 * (s[r] - b[r]) / b[r]);
        }
        int warm = rounds / 3; // the first third is warm-up
        System.out.printf("after warm-up, min / median per coroutine: bare %d / %d ns, Coroutines.spawn %d / %d ns,"
                        + " scope.spawn %d / %d ns%n",
                min(b, warm), median(b, warm), min(h, warm), median(h, warm), min(s, warm), median(s, warm));
    }

    private static long min(long[] xs, int from) {
        return java.util.Arrays.stream(xs, from, xs.length).min().orElse(0);
    }

    private static long median(long[] xs, int from) {
        long[] c = java.util.Arrays.copyOfRange(xs, from, xs.length);
        java.util.Arrays.sort(c);
        return c[c.length / 2];
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
