package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.select.Select;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/select3.go: the table of what blocks, what does not, and what
 * "panics", for plain operations and selects over ready, non-ready, closed and nil channels.
 *
 * <p>Translation: Go's nil channel in a select is a {@linkplain io.github.csp4j.select.SelectClause#when
 * disabled clause}; we disable clauses on channels that <em>are</em> ready, which makes "a
 * disabled clause is never chosen" a test that can fail. Go's {@code select {}} is a select whose
 * clauses are all disabled (a select with no clause at all is rejected by our API). A receive
 * from a closed channel yields Go's zero value; here {@code receive()} and {@code onReceive}
 * throw {@link ChannelClosedException} and {@code receiveCatching()}/{@code onReceiveCatching}
 * report "closed", all without blocking. A Go panic is an exception.
 *
 * <p>"Always blocks" is checked as Go does, empirically (the operation has not completed after
 * 100 ms), and then further: the thread is parked, an interrupt ends the operation with
 * {@link InterruptedException}, and the channels are left with nobody queued. "Never blocks"
 * means it completed within the deadline.
 */
class GoSelect3Test {
    private static final Duration BLOCK_PROBE = Duration.ofMillis(100);

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    private static Object unreachable() {
        throw new AssertionError("control flow shouldn't reach here");
    }

    /** Verifies that {@code f} blocks: not done after 100 ms, parked, and ended by an interrupt. */
    private static void testBlocksAlways(String what, Op f, Channel<?>... involved) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                f.run();
                outcome.set(new AssertionError(what + ": did not block"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        if (t.join(BLOCK_PROBE)) {
            throw new AssertionError(what + ": did not block, ended with " + outcome.get(), outcome.get());
        }
        GoSupport.awaitParked(t);
        t.interrupt();
        GoSupport.join(t);
        assertInstanceOf(InterruptedException.class, outcome.get(), what + ": an interrupt should end the wait");
        for (Channel<?> ch : involved) {
            assertEquals(0, GoSupport.waitingReceivers(ch), what + ": receiver left queued on " + ch);
            assertEquals(0, GoSupport.waitingSenders(ch), what + ": sender left queued on " + ch);
        }
    }

    /** Verifies that {@code f} completes (normally) within the deadline. */
    private static void testBlocksNever(String what, Op f) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                f.run();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        GoSupport.join(t);
        if (outcome.get() != null) {
            throw new AssertionError(what + ": failed", outcome.get());
        }
    }

    @Test
    void nilChannels() throws Exception {
        Channel<Integer> ready = Channel.buffered(1); // room for a send
        Channel<Integer> full = Channel.buffered(1);
        full.send(1); // an element to receive

        // sending/receiving on a nil channel blocks; inside a select it is never selected
        testBlocksAlways("send on nil", () -> Select.select(Select.onSend(ready, 7, () -> unreachable()).when(false)), ready);
        testBlocksAlways("receive on nil", () -> Select.select(Select.onReceive(full, v -> unreachable()).when(false)), full);
        assertEquals("default", Select.select(
                Select.onSend(ready, 7, () -> unreachable()).when(false), Select.onDefault(() -> "default")));
        assertEquals("default", Select.select(
                Select.onReceive(full, v -> unreachable()).when(false), Select.onDefault(() -> "default")));
        assertEquals(1, full.size(), "a disabled receive clause took an element");
        assertEquals(0, ready.size(), "a disabled send clause sent");
    }

    @Test
    void plainOperations() throws Exception {
        Channel<Integer> closed = Channel.rendezvous();
        closed.close();

        // sending to an async channel with free buffer space never blocks
        testBlocksNever("send with room", () -> Channel.<Integer>buffered(1).send(7));

        // receiving from a closed channel never blocks
        testBlocksNever("receive from closed", () -> {
            for (int i = 0; i < 10; i++) {
                assertThrows(ChannelClosedException.class, closed::receive);
                ReceiveResult<Integer> r = closed.receiveCatching();
                assertTrue(r.isClosed(), "expected closed, got " + r);
                assertTrue(closed.tryReceive().isClosed());
                assertThrows(ChannelClosedException.class, () -> closed.receive(Duration.ofSeconds(10)));
            }
        });

        // sending to a closed channel "panics"
        assertThrows(ChannelClosedException.class, () -> closed.send(7));

        // receiving from a non-ready channel always blocks
        Channel<Integer> ch = Channel.rendezvous();
        testBlocksAlways("receive from non-ready", ch::receive, ch);
    }

    @Test
    void emptyAndNilOnlySelectsAlwaysBlock() throws Exception {
        Channel<Integer> ch = Channel.buffered(1);
        ch.send(1); // an element to receive (and no room for a send)
        Channel<Integer> room = Channel.buffered(1);

        assertThrows(IllegalArgumentException.class, () -> Select.select(), "a select needs a clause");
        testBlocksAlways("select {}", () -> Select.select(Select.onReceive(ch, v -> unreachable()).when(false)), ch);
        testBlocksAlways("select nil receive", () -> Select.select(Select.onReceive(ch, v -> unreachable()).when(false)), ch);
        testBlocksAlways("select nil send", () -> Select.select(Select.onSend(room, 7, () -> unreachable()).when(false)), room);
        testBlocksAlways("select nil receive and send", () -> Select.select(
                Select.onReceive(ch, v -> unreachable()).when(false),
                Select.onSend(room, 7, () -> unreachable()).when(false)), ch, room);
        assertEquals(1, ch.size());
        assertEquals(0, room.size());

        // selects with non-ready non-nil channels always block
        Channel<Integer> notReady = Channel.rendezvous();
        testBlocksAlways("select non-ready", () -> Select.select(Select.onReceive(notReady, v -> unreachable())), notReady);
    }

    @Test
    void selectsWithDefaultOrReadyChannelsNeverBlock() throws Exception {
        Channel<Integer> ready = Channel.buffered(1);
        testBlocksNever("select default", () -> Select.select(Select.onDefault(() -> "d")));
        testBlocksNever("select nil receive, default", () -> assertEquals("d", Select.select(
                Select.onReceive(ready, v -> unreachable()).when(false), Select.onDefault(() -> "d"))));
        testBlocksNever("select nil send, default", () -> assertEquals("d", Select.select(
                Select.onSend(ready, 7, () -> unreachable()).when(false), Select.onDefault(() -> "d"))));

        // selects with ready channels don't block
        testBlocksNever("select send with room", () -> {
            Channel<Integer> c = Channel.buffered(1);
            assertEquals("sent", Select.select(Select.onSend(c, 7, () -> "sent"), Select.onDefault(() -> unreachable())));
            assertEquals(7, c.tryReceive().value());
        });
        testBlocksNever("select receive ready", () -> {
            Channel<Integer> c = Channel.buffered(1);
            c.send(7);
            assertEquals(7, Select.select(Select.onReceive(c, v -> v), Select.onDefault(() -> unreachable())));
        });
    }

    @Test
    void selectsWithClosedChannelsBehaveLikeOrdinaryOperations() throws Exception {
        Channel<Integer> closed = Channel.rendezvous();
        closed.close();
        testBlocksNever("select receive closed", () -> assertThrows(ChannelClosedException.class,
                () -> Select.select(Select.onReceive(closed, v -> unreachable()))));
        testBlocksNever("select receive closed, catching", () -> {
            ReceiveResult<Integer> r = Select.select(Select.onReceiveCatching(closed, x -> x));
            assertTrue(r.isClosed(), "got " + r);
            assertNull(r.valueOrNull());
        });
        assertThrows(ChannelClosedException.class, () -> Select.select(Select.onSend(closed, 7, () -> unreachable())));
    }

    @Test
    void selectDoesNotPairWithItself() throws Exception {
        Channel<Integer> c = Channel.rendezvous();
        testBlocksAlways("select send and receive on one unbuffered channel", () -> Select.select(
                Select.onSend(c, 1, () -> unreachable()),
                Select.onReceive(c, v -> unreachable())), c);
    }
}
