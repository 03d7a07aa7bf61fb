package io.github.csp4j.benchmarks.infra;

import io.github.csp4j.channels.Channel;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.SpscArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * Builds a {@link Pipe} from an implementation name, the {@code impl} parameter of the benchmarks.
 *
 * <table>
 *   <caption>Implementation names</caption>
 *   <tr><th>name</th><th>what</th><th>capacities</th></tr>
 *   <tr><td>{@value #CSP4J}</td><td>csp4j {@code Channel} for any number of producers and consumers</td><td>all</td></tr>
 *   <tr><td>{@value #CSP4J_SPSC}</td><td>csp4j with the single-producer/single-consumer hints</td><td>all</td></tr>
 *   <tr><td>{@value #JOX}</td><td>jox {@code Channel}</td><td>all</td></tr>
 *   <tr><td>{@value #SYNCHRONOUS_QUEUE}</td><td>put/take</td><td>0</td></tr>
 *   <tr><td>{@value #EXCHANGER}</td><td>exchange (one producer and one consumer only)</td><td>0</td></tr>
 *   <tr><td>{@value #LINKED_TRANSFER_QUEUE}</td><td>transfer/take at 0, put/take unbounded</td><td>0, unbounded</td></tr>
 *   <tr><td>{@value #ARRAY_BLOCKING_QUEUE}</td><td>put/take</td><td>buffered</td></tr>
 *   <tr><td>{@value #LINKED_BLOCKING_QUEUE}</td><td>put/take</td><td>buffered, unbounded</td></tr>
 *   <tr><td>{@value #JCTOOLS_SPSC}</td><td>JCTools SpscArrayQueue / SpscUnboundedArrayQueue, busy spin on platform threads</td><td>buffered, unbounded</td></tr>
 *   <tr><td>{@value #JCTOOLS_MPMC}</td><td>JCTools MpmcArrayQueue / MpscUnboundedArrayQueue, busy spin on platform threads</td><td>buffered (>= 2), unbounded</td></tr>
 * </table>
 * Capacity {@value #RENDEZVOUS} is a rendezvous, {@value #UNBOUNDED} unbounded. JCTools array
 * queues round the capacity up to a power of two.
 */
public final class Pipes {
    public static final int RENDEZVOUS = 0;
    public static final int UNBOUNDED = -1;

    public static final String CSP4J = "csp4j";
    public static final String CSP4J_SPSC = "csp4j-spsc";
    public static final String JOX = "jox";
    public static final String SYNCHRONOUS_QUEUE = "SynchronousQueue";
    public static final String EXCHANGER = "Exchanger";
    public static final String LINKED_TRANSFER_QUEUE = "LinkedTransferQueue";
    public static final String ARRAY_BLOCKING_QUEUE = "ArrayBlockingQueue";
    public static final String LINKED_BLOCKING_QUEUE = "LinkedBlockingQueue";
    public static final String JCTOOLS_SPSC = "jctools-spsc";
    public static final String JCTOOLS_MPMC = "jctools-mpmc";
    /** The rendezvous lower limit: one slot polled in a busy loop by one producer and one consumer. */
    public static final String SPIN_SLOT = "spin-slot";

    /** Chunk size of the unbounded JCTools queues. */
    private static final int JCTOOLS_CHUNK = 1024;

    private Pipes() {
    }

    /**
     * Creates the pipe named {@code impl} with {@code capacity}.
     *
     * @throws IllegalArgumentException if the implementation does not exist or has no such capacity
     */
    public static <T> Pipe<T> create(String impl, int capacity) {
        boolean rendezvous = capacity == RENDEZVOUS;
        boolean unbounded = capacity == UNBOUNDED;
        switch (impl) {
            case CSP4J:
                return new Csp4jPipe<>(rendezvous ? Channel.rendezvous()
                        : unbounded ? Channel.unbounded() : Channel.buffered(capacity));
            case CSP4J_SPSC:
                var b = Channel.<T>builder().singleProducer().singleConsumer();
                return new Csp4jPipe<>((unbounded ? b.unbounded() : b.capacity(capacity)).build());
            case JOX:
                return new JoxPipe<>(rendezvous ? com.softwaremill.jox.Channel.newRendezvousChannel()
                        : unbounded ? com.softwaremill.jox.Channel.newUnlimitedChannel()
                        : com.softwaremill.jox.Channel.newBufferedChannel(capacity));
            case SYNCHRONOUS_QUEUE:
                if (rendezvous) {
                    return new BlockingQueuePipe<>(new SynchronousQueue<>());
                }
                break;
            case EXCHANGER:
                if (rendezvous) {
                    return new ExchangerPipe<>();
                }
                break;
            case LINKED_TRANSFER_QUEUE:
                if (rendezvous) {
                    return new TransferPipe<>(new LinkedTransferQueue<>());
                }
                if (unbounded) {
                    return new BlockingQueuePipe<>(new LinkedTransferQueue<>());
                }
                break;
            case ARRAY_BLOCKING_QUEUE:
                if (!rendezvous && !unbounded) {
                    return new BlockingQueuePipe<>(new ArrayBlockingQueue<>(capacity));
                }
                break;
            case LINKED_BLOCKING_QUEUE:
                if (!rendezvous) {
                    return new BlockingQueuePipe<>(unbounded ? new LinkedBlockingQueue<>()
                            : new LinkedBlockingQueue<>(capacity));
                }
                break;
            case SPIN_SLOT:
                if (rendezvous) {
                    return new SpinSlotPipe<>();
                }
                break;
            case JCTOOLS_SPSC:
                if (!rendezvous) {
                    return new SpinPipe<>(unbounded ? new SpscUnboundedArrayQueue<>(JCTOOLS_CHUNK)
                            : new SpscArrayQueue<>(capacity));
                }
                break;
            case JCTOOLS_MPMC:
                if (unbounded) {
                    return new SpinPipe<>(new MpscUnboundedArrayQueue<>(JCTOOLS_CHUNK));
                }
                if (capacity >= 2) {
                    return new SpinPipe<>(new MpmcArrayQueue<>(capacity));
                }
                break;
            default:
                throw new IllegalArgumentException("unknown implementation: " + impl);
        }
        throw new IllegalArgumentException(impl + " has no capacity " + describe(capacity));
    }

    private static String describe(int capacity) {
        return capacity == RENDEZVOUS ? "0 (rendezvous)" : capacity == UNBOUNDED ? "unbounded" : Integer.toString(capacity);
    }

    private record Csp4jPipe<T>(Channel<T> channel) implements Pipe<T> {
        @Override
        public void send(T element) throws InterruptedException {
            channel.send(element);
        }

        @Override
        public T receive() throws InterruptedException {
            return channel.receive();
        }
    }

    private record JoxPipe<T>(com.softwaremill.jox.Channel<T> channel) implements Pipe<T> {
        @Override
        public void send(T element) throws InterruptedException {
            channel.send(element);
        }

        @Override
        public T receive() throws InterruptedException {
            return channel.receive();
        }
    }

    private record BlockingQueuePipe<T>(BlockingQueue<T> queue) implements Pipe<T> {
        @Override
        public void send(T element) throws InterruptedException {
            queue.put(element);
        }

        @Override
        public T receive() throws InterruptedException {
            return queue.take();
        }
    }

    private record TransferPipe<T>(LinkedTransferQueue<T> queue) implements Pipe<T> {
        @Override
        public void send(T element) throws InterruptedException {
            queue.transfer(element);
        }

        @Override
        public T receive() throws InterruptedException {
            return queue.take();
        }
    }

    /** An exchange per element: the producer gives its element, the consumer gives null. */
    private static final class ExchangerPipe<T> implements Pipe<T> {
        private final Exchanger<T> exchanger = new Exchanger<>();

        @Override
        public void send(T element) throws InterruptedException {
            exchanger.exchange(element);
        }

        @Override
        public T receive() throws InterruptedException {
            return exchanger.exchange(null);
        }
    }

    /** A lock-free queue polled in a busy loop by platform threads: the lower limit, no blocking at all. */
    private record SpinPipe<T>(Queue<T> queue) implements Pipe<T> {
        @Override
        public void send(T element) throws InterruptedException {
            for (int attempt = 1; !queue.offer(element); attempt++) {
                Spin.idle(attempt);
            }
        }

        @Override
        public T receive() throws InterruptedException {
            T e;
            for (int attempt = 1; (e = queue.poll()) == null; attempt++) {
                Spin.idle(attempt);
            }
            return e;
        }

        @Override
        public Thread.Builder threads() {
            return Thread.ofPlatform().daemon();
        }
    }

    /**
     * A hand-off with nothing but the cross-core round trip it needs: the producer writes the one
     * slot and spins until the consumer has emptied it; the consumer spins until the slot holds an
     * element, takes it and empties the slot. A send completes only once the element is taken, as on
     * a rendezvous channel. For one producer and one consumer only (it has no CAS, which is the
     * point); platform threads, since it never blocks.
     */
    private static final class SpinSlotPipe<T> implements Pipe<T> {
        private volatile T slot;

        @Override
        public void send(T element) throws InterruptedException {
            slot = element;
            for (int attempt = 1; slot != null; attempt++) {
                Spin.idle(attempt);
            }
        }

        @Override
        public T receive() throws InterruptedException {
            T e;
            for (int attempt = 1; (e = slot) == null; attempt++) {
                Spin.idle(attempt);
            }
            slot = null;
            return e;
        }

        @Override
        public Thread.Builder threads() {
            return Thread.ofPlatform().daemon();
        }
    }
}
