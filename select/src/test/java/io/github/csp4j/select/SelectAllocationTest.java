package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendResult;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The allocation rule: a select over channels that are ready allocates no more than one
 * small object per call. Measured with the thread's own allocation counter around each select
 * alone (refilling or draining the channel between selects is not counted), averaged over many
 * selects after a warm-up, with the clause list built once and reused (clauses are reusable;
 * building them in each call allocates them, which is the caller's choice). The ready clause is
 * tried among clauses that lose (an idle rendezvous channel, a full one), over every buffering
 * kind, for receive, receive-catching and send clauses, fair and in order.
 *
 * <p>Bounds, in bytes per select on average: a plain receive or send allocates nothing, under
 * {@value #NOTHING} (every object takes at least 16 bytes, so one per call would show; the margin
 * absorbs a rare allocation by the JIT's deoptimized code); a catching receive hands its handler
 * one {@code ReceiveResult} (24 bytes with compressed references, sometimes scalar-replaced by the
 * JIT), at most {@value #ONE_SMALL_OBJECT}. A select that registered instead (a waiter, one node
 * per clause, the lock order) would cost over 100 bytes.
 */
@Timeout(60)
class SelectAllocationTest {
    /** Allocates nothing: less than the smallest object (16 bytes) per select. */
    private static final long NOTHING = 8;
    /** One small object: a header and a few fields. */
    private static final long ONE_SMALL_OBJECT = 32;
    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 20_000;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE) // see the last test
    void aReadyReceiveAllocatesNothing(Kind kind) throws Throwable {
        Channel<Integer> ready = kind.create();
        List<SelectClause<Integer>> clauses = withLosers(onReceive(ready, v -> v));
        long bytes = bytesPerSelect(refill(ready), () -> Select.select(clauses), 7);
        assertAtMost(NOTHING, bytes, kind + " receive");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE)
    void aReadyCatchingReceiveAllocatesAtMostItsResult(Kind kind) throws Throwable {
        Channel<Integer> ready = kind.create();
        List<SelectClause<Integer>> clauses = withLosers(onReceiveCatching(ready, r -> r.value()));
        long bytes = bytesPerSelect(refill(ready), () -> Select.selectInOrder(clauses), 7);
        assertAtMost(ONE_SMALL_OBJECT, bytes, kind + " catching receive");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "RENDEZVOUS", mode = EnumSource.Mode.EXCLUDE)
    void aReadySendAllocatesNothing(Kind kind) throws Throwable {
        Channel<Integer> ready = kind.create();
        List<SelectClause<Integer>> clauses = withLosers(onSend(ready, 7, () -> 7));
        long bytes = bytesPerSelect(() -> {
            ready.tryReceive(); // room for the next send (a no-op before the first)
            return null;
        }, () -> Select.select(clauses), 7);
        assertAtMost(NOTHING, bytes, kind + " send");
    }

    /** The rendezvous case: the ready clause receives from a sender that waits (spinning in the channel or queued). */
    @Test
    void aReceiveFromAWaitingRendezvousSenderAllocatesNothing() throws Throwable {
        Channel<Integer> ready = Channel.rendezvous();
        Channel<Integer> senderIsWaiting = Channel.buffered(1);
        List<SelectClause<Integer>> clauses = withLosers(onReceive(ready, v -> v));
        int total = WARM_UP + MEASURED;
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    senderIsWaiting.send(1); // a token: taken once this send is under way
                    ready.send(7);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            // Counted only when the sender was already waiting; otherwise the select registers,
            // which is the waiting path (not this rule).
            long bytes = bytesPerSelect(() -> {
                senderIsWaiting.receive();
                while (Fixtures.waitingSenders(ready) == 0) { // spinning or queued
                    Thread.onSpinWait();
                }
                return null;
            }, () -> Select.select(clauses), 7);
            assertAtMost(NOTHING, bytes, "rendezvous receive");
        } finally {
            sender.interrupt(); // done already, or stuck after a failed select: let it end
            sender.join();
        }
    }

    /** Puts the element 7 in the channel before each select. */
    private static Callable<Void> refill(Channel<Integer> ready) {
        return () -> {
            assertEquals(SendResult.SENT, ready.trySend(7));
            return null;
        };
    }

    /** The ready clause, tried after clauses that lose: an idle rendezvous receive and a send to a full channel. */
    private static List<SelectClause<Integer>> withLosers(SelectClause<Integer> ready) {
        Channel<Integer> idle = Channel.rendezvous();
        Channel<Integer> full = Channel.buffered(1);
        assertEquals(SendResult.SENT, full.trySend(0));
        return List.of(onReceive(idle, v -> -1), onSend(full, 1, () -> -2), ready);
    }

    /**
     * Runs {@code prepare} then {@code select} {@link #WARM_UP} + {@link #MEASURED} times, checks
     * each select's result, and returns the bytes the measured selects allocated, on average
     * (rounded up), counting the selects alone.
     */
    private static long bytesPerSelect(Callable<Void> prepare, Callable<Integer> select, int expected)
            throws Throwable {
        MethodHandle allocated = allocatedBytesOfCurrentThread();
        long counted = 0;
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            prepare.call();
            long before = (long) allocated.invokeExact();
            Integer r = select.call();
            long after = (long) allocated.invokeExact();
            assertEquals(expected, r);
            if (i >= WARM_UP) {
                counted += after - before;
            }
        }
        return (counted + MEASURED - 1) / MEASURED;
    }

    /**
     * {@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes} of the platform
     * bean, as a handle returning a primitive {@code long} (a reflective call would box it in the
     * measured window). Reached reflectively: this test module does not read
     * {@code jdk.management}.
     */
    private static MethodHandle allocatedBytesOfCurrentThread() throws Throwable {
        Class<?> beanType = Class.forName("com.sun.management.ThreadMXBean");
        Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
        Object bean = factory.getMethod("getPlatformMXBean", Class.class).invoke(null, beanType);
        MethodHandle get = MethodHandles.publicLookup()
                .unreflect(beanType.getMethod("getCurrentThreadAllocatedBytes")).bindTo(bean);
        long probe = (long) get.invokeExact();
        assertTrue(probe >= 0, "this JVM does not count allocated bytes per thread");
        return get;
    }

    private static void assertAtMost(long bound, long bytes, String what) {
        assertTrue(bytes <= bound, () -> what + ": a select over a ready channel allocated " + bytes
                + " bytes on average, more than " + bound);
    }
}
