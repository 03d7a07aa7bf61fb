package io.github.csp4j.benchmarks;

import io.github.csp4j.benchmarks.infra.Flows;
import io.github.csp4j.benchmarks.infra.Pipe;
import io.github.csp4j.benchmarks.infra.Pipes;
import io.github.csp4j.benchmarks.infra.Sizes;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Shape i: one million coroutines parked on channels. Each virtual thread waits in a receive on its
 * own rendezvous channel; once all of them wait, one sender wakes each with one element, and all are
 * joined.
 * <ul>
 *   <li>{@link #run}: spawn, park, wake and join, all inside the measurement. Score: ns per coroutine.</li>
 *   <li>{@link #heap}: the same, measuring the heap held while all of them are parked (after a full GC,
 *       minus the heap before): the secondary result {@code bytesPerCoroutine}, bytes per parked
 *       coroutine including its channel. Its time score is not a result (it includes the GCs).</li>
 * </ul>
 * {@value #VT_PARK} (a bare virtual thread in {@code LockSupport.park}, woken by {@code unpark}) is the
 * floor, not a peer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class MillionParked {
    static final int COROUTINES = 1_000_000;
    /** Implementation name of the floor: a bare parked virtual thread. */
    public static final String VT_PARK = "vt-park";

    @Param({Pipes.CSP4J, Pipes.JOX, Pipes.SYNCHRONOUS_QUEUE, Pipes.LINKED_TRANSFER_QUEUE, VT_PARK})
    public String impl;

    private int coroutines;
    private Thread[] threads;
    private Pipe<Integer>[] pipes;

    /** Bytes per parked coroutine, reported by {@link #heap} as a secondary result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class HeapCounters {
        public double bytesPerCoroutine;

        @Setup(Level.Iteration)
        public void reset() {
            bytesPerCoroutine = 0;
        }
    }

    @Setup
    public void setup() {
        coroutines = Sizes.scaled(COROUTINES);
        threads = new Thread[coroutines];
        @SuppressWarnings({"unchecked", "rawtypes"})
        Pipe<Integer>[] array = new Pipe[coroutines];
        pipes = array;
        pipe();
    }

    @Benchmark
    @OperationsPerInvocation(COROUTINES)
    public void run() throws InterruptedException {
        parkAll(null);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @OperationsPerInvocation(COROUTINES)
    public void heap(HeapCounters counters) throws InterruptedException {
        parkAll(counters);
    }

    private void parkAll(HeapCounters counters) throws InterruptedException {
        int n = coroutines;
        long before = counters == null ? 0 : usedHeapAfterGc();
        CountDownLatch arrived = new CountDownLatch(n);
        LongAdder received = new LongAdder();
        for (int i = 0; i < n; i++) {
            Pipe<Integer> pipe = pipe();
            pipes[i] = pipe;
            threads[i] = Thread.ofVirtual().start(() -> {
                arrived.countDown();
                try {
                    received.add(pipe.receive());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        arrived.await();
        if (counters != null) {
            for (Thread t : threads) {
                while (t.getState() != Thread.State.WAITING) {
                    Thread.sleep(1);
                }
            }
            counters.bytesPerCoroutine = (double) (usedHeapAfterGc() - before) / n;
        }
        for (int i = 0; i < n; i++) {
            pipes[i].send(Flows.element(i));
        }
        for (int i = 0; i < n; i++) {
            threads[i].join();
            threads[i] = null;
            pipes[i] = null;
        }
        Flows.check(received.sum(), Flows.expectedSum(n));
    }

    private Pipe<Integer> pipe() {
        return VT_PARK.equals(impl) ? new ParkPipe<>() : Pipes.create(impl, Pipes.RENDEZVOUS);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The floor: one waiting thread, woken by {@code unpark}, no channel at all. */
    private static final class ParkPipe<T> implements Pipe<T> {
        private volatile Thread waiter;
        private volatile T value;

        @Override
        public void send(T element) {
            value = element;
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }

        @Override
        public T receive() {
            waiter = Thread.currentThread();
            T v;
            while ((v = value) == null) {
                LockSupport.park(this);
            }
            return v;
        }
    }
}
