package io.github.csp4j.benchmarks;

import io.github.csp4j.benchmarks.infra.Flows;
import io.github.csp4j.benchmarks.infra.Sizes;
import io.github.csp4j.benchmarks.infra.Workers;
import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.CoroutineScope;
import io.github.csp4j.coroutine.Pipelines;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ordered parallel map: 1,000,000 small tasks (a 64-bit mix function, a few ns each) on
 * {@value #WORKERS} workers, results consumed in input order. Score: ns per task.
 * <ul>
 *   <li>{@value #CSP4J}: the library's {@link Pipelines#parallelMap}: a generator
 *       ({@code scope.produce}) sends the inputs on a channel of capacity {@value #CHANNEL_CAPACITY},
 *       {@code parallelMap} maps them on {@value #WORKERS} worker coroutines into an output channel of
 *       the same capacity, and a consumer coroutine reads the results in order with a for-each loop;
 *       all in one {@link CoroutineScope} per invocation.</li>
 *   <li>{@value #CSP4J_INLINE}: the same written by hand with channels (the row before the library had
 *       a parallel map): a producer sends indexed jobs on a job channel, {@value #WORKERS} worker virtual
 *       threads send indexed results on a result channel, and a consumer reorders them by index. It shows
 *       what the library's batching and in-order hand-over buy over the obvious implementation.</li>
 *   <li>{@value #EXECUTOR}: {@code Executors.newFixedThreadPool(8)} (platform threads), one
 *       {@code submit} per task, then {@code Future.get()} in order, from the benchmark thread.</li>
 *   <li>{@value #EXECUTOR_VIRTUAL}: the same with 8 virtual worker threads.</li>
 * </ul>
 * jox has no peer here: its channels artifact (com.softwaremill.jox:channels 1.0.1, the one pinned)
 * has channels and select only; its parallel map ({@code mapPar}) is in the separate flows module.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ParallelMap {
    static final int TASKS = Sizes.ELEMENTS;
    static final int WORKERS = 8;
    /** Capacity of the job and the result channels of the csp4j version. */
    static final int CHANNEL_CAPACITY = 256;

    public static final String CSP4J = "csp4j";
    public static final String CSP4J_INLINE = "csp4j-inline";
    public static final String EXECUTOR = "ExecutorService";
    public static final String EXECUTOR_VIRTUAL = "ExecutorService-virtual";

    @Param({CSP4J, CSP4J_INLINE, EXECUTOR, EXECUTOR_VIRTUAL})
    public String impl;

    private long[] input;
    private long[] output;
    private boolean[] ready;
    private Future<?>[] futures;
    private long expected;

    private record Job(int index, long value) {
    }

    private record Done(int index, long value) {
    }

    @Setup
    public void setup() {
        int n = Sizes.scaled(TASKS);
        input = new long[n];
        output = new long[n];
        ready = new boolean[n];
        long h = 0;
        for (int i = 0; i < n; i++) {
            input[i] = i * 0x9E3779B97F4A7C15L;
            h = h * 31 + task(input[i]);
        }
        expected = h;
        switch (impl) {
            case CSP4J, CSP4J_INLINE -> futures = null;
            case EXECUTOR, EXECUTOR_VIRTUAL -> futures = new Future<?>[n];
            default -> throw new IllegalArgumentException("unknown implementation: " + impl);
        }
    }

    /** The small task: the 64-bit finalizer of SplitMix64. */
    static long task(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long run() throws Exception {
        long h = switch (impl) {
            case CSP4J -> pipelines();
            case CSP4J_INLINE -> channels();
            case EXECUTOR -> executor(Executors.newFixedThreadPool(WORKERS));
            case EXECUTOR_VIRTUAL -> executor(Executors.newFixedThreadPool(WORKERS, Thread.ofVirtual().factory()));
            default -> throw new IllegalArgumentException("unknown implementation: " + impl);
        };
        Flows.check(h, expected);
        return h;
    }

    private long pipelines() throws InterruptedException {
        long[] in = input;
        try (CoroutineScope scope = CoroutineScope.open()) {
            ReceiveChannel<Long> inputs = scope.produce(CHANNEL_CAPACITY, out -> {
                for (long x : in) {
                    out.send(x);
                }
            });
            ReceiveChannel<Long> results = Pipelines.parallelMap(scope, inputs, WORKERS, CHANNEL_CAPACITY, ParallelMap::task);
            return scope.spawn(() -> { // the consumer is a coroutine too, as in the inline version
                long h = 0;
                for (long r : results) {
                    h = h * 31 + r;
                }
                return h;
            }).result();
        }
    }

    private long channels() throws InterruptedException {
        long[] in = input;
        long[] out = output;
        boolean[] done = ready;
        int n = in.length;
        Channel<Job> jobs = Channel.<Job>builder().capacity(CHANNEL_CAPACITY).singleProducer().build();
        Channel<Done> results = Channel.<Done>builder().capacity(CHANNEL_CAPACITY).singleConsumer().build();
        AtomicInteger running = new AtomicInteger(WORKERS);
        long[] checksum = new long[1];
        Workers workers = new Workers(WORKERS + 2);
        workers.start(Thread.ofVirtual(), () -> {
            try {
                for (int i = 0; i < n; i++) {
                    jobs.send(new Job(i, in[i]));
                }
            } finally {
                jobs.close();
            }
        });
        for (int w = 0; w < WORKERS; w++) {
            workers.start(Thread.ofVirtual(), () -> {
                try {
                    while (true) {
                        Job job;
                        try {
                            job = jobs.receive();
                        } catch (ChannelClosedException closed) {
                            return;
                        }
                        results.send(new Done(job.index(), task(job.value())));
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        results.close();
                    }
                }
            });
        }
        workers.start(Thread.ofVirtual(), () -> {
            long h = 0;
            int next = 0;
            for (int received = 0; received < n; received++) {
                Done d = results.receive();
                out[d.index()] = d.value();
                done[d.index()] = true;
                while (next < n && done[next]) {
                    h = h * 31 + out[next];
                    done[next] = false;
                    next++;
                }
            }
            checksum[0] = h;
        });
        workers.joinAll();
        return checksum[0];
    }

    private long executor(ExecutorService pool) throws InterruptedException, ExecutionException {
        long[] in = input;
        Future<?>[] fs = futures;
        int n = in.length;
        long h = 0;
        try (pool) {
            for (int i = 0; i < n; i++) {
                long x = in[i];
                fs[i] = pool.submit(() -> task(x));
            }
            for (int i = 0; i < n; i++) {
                h = h * 31 + (Long) fs[i].get();
                fs[i] = null;
            }
        }
        return h;
    }
}
