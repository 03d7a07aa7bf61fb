package io.github.csp4j.channels;

import static io.github.csp4j.channels.Support.drain;
import static io.github.csp4j.channels.Support.fillUp;
import static io.github.csp4j.channels.Support.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Async.Flavour;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interrupts, on virtual and on platform threads, for every kind and capacity:
 * <ul>
 *   <li>a waiting {@code send}, {@code send(e, timeout)}, {@code receive}, {@code receive(timeout)}
 *       or {@code receiveCatching} that is interrupted throws {@link InterruptedException} (with
 *       the interrupt status cleared, as is the Java convention) and has sent or taken nothing:
 *       the element never arrives, the next element goes to the next receiver, and no dead
 *       waiter is left behind to swallow a later try-operation;</li>
 *   <li>an interrupted iterator or stream throws {@link ChannelInterruptedException} with the
 *       {@link InterruptedException} as cause and the interrupt status set again;</li>
 *   <li>a call that can complete without waiting completes even when the interrupt status is
 *       already set, and leaves it set; a call that must wait throws at once.</li>
 * </ul>
 */
@Timeout(30)
class ChannelInterruptTest {

    static Stream<Arguments> all() {
        return cross(ChannelSpec.all());
    }

    static Stream<Arguments> waitingSend() {
        return cross(ChannelSpec.waitingSend());
    }

    private static Stream<Arguments> cross(List<ChannelSpec> specs) {
        return specs.stream().flatMap(s -> Stream.of(Flavour.values()).map(f -> Arguments.of(s, f)));
    }

    // ---- interrupted while waiting ----------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("waitingSend")
    void anInterruptedSendSendsNothing(ChannelSpec spec, Flavour flavour) {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        Async<Void> send = Async.blockedSend(flavour, ch, -1);
        Async<Boolean> timedSend = Async.blocked(flavour, () -> ch.send(-2, Duration.ofMinutes(1)));

        send.interrupt();
        timedSend.interrupt();

        send.failure(InterruptedException.class);
        timedSend.failure(InterruptedException.class);
        assertFalse(send.interruptedAtEnd(), "InterruptedException clears the interrupt status");
        assertEquals(range(0, n), drain(ch), "the interrupted senders' elements never arrive");
        if (n > 0) {
            assertEquals(SendResult.SENT, ch.trySend(7), "the interrupted senders left no claim on the room");
            assertEquals(List.of(7), drain(ch));
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void anInterruptedReceiveTakesNothing(ChannelSpec spec, Flavour flavour) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        List<Async<?>> receivers = List.of(
                Async.blockedReceive(flavour, ch),
                Async.blocked(flavour, () -> ch.receive(Duration.ofMinutes(1))),
                Async.blocked(flavour, ch::receiveCatching));
        Async<Integer> survivor = Async.blockedReceive(flavour, ch);

        receivers.forEach(Async::interrupt);
        for (Async<?> r : receivers) {
            r.failure(InterruptedException.class);
            assertFalse(r.interruptedAtEnd(), "InterruptedException clears the interrupt status");
        }

        ch.send(5);
        assertEquals(5, survivor.get(), "the element goes past the interrupted receivers");
        assertEquals(spec.capacity() == 0 ? SendResult.FULL : SendResult.SENT, ch.trySend(6),
                "no dead receiver is left to swallow a try-send");
        assertEquals(spec.capacity() == 0 ? List.of() : List.of(6), drain(ch));
    }

    @ParameterizedTest
    @MethodSource("all")
    void anInterruptedIteratorOrStreamThrowsChannelInterruptedException(ChannelSpec spec, Flavour flavour) {
        Channel<Integer> ch = spec.build();
        Async<Boolean> iterating = Async.blocked(flavour, () -> ch.iterator().hasNext());
        Async<List<Integer>> streaming = Async.blocked(flavour, () -> ch.stream().toList());

        iterating.interrupt();
        streaming.interrupt();

        for (Async<?> a : List.of(iterating, streaming)) {
            ChannelInterruptedException e = a.failure(ChannelInterruptedException.class);
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(a.interruptedAtEnd(), "the interrupt status is set again");
        }
        assertEquals(spec.capacity() == 0 ? SendResult.FULL : SendResult.SENT, ch.trySend(6));
    }

    // ---- interrupt status already set ---------------------------------------------------------------

    /** Runs {@code body} on a thread of the flavour whose interrupt status is set first. */
    private static <T> Async<T> withInterruptSet(Flavour flavour, Async.Call<T> body) {
        return Async.start(flavour, () -> {
            Thread.currentThread().interrupt();
            return body.call();
        });
    }

    @ParameterizedTest
    @MethodSource("all")
    void callsThatNeedNotWaitCompleteDespiteAnInterrupt(ChannelSpec spec, Flavour flavour) {
        Channel<Integer> ch = spec.build();
        if (spec.capacity() > 0) { // room in the buffer, then an element in it
            Async<Void> buffered = withInterruptSet(flavour, () -> {
                ch.send(1);
                assertEquals(1, ch.receive());
                assertTrue(ch.send(2, Duration.ofMinutes(1)));
                assertEquals(2, ch.receive(Duration.ofMinutes(1)));
                ch.trySend(3);
                assertEquals(ReceiveResult.value(3), ch.receiveCatching());
                return null;
            });
            buffered.get();
            assertTrue(buffered.interruptedAtEnd(), "the interrupt status stays set");
        }

        // a receiver waits already (the rendezvous case, and for every kind)
        Async<Integer> receiver = Async.blockedReceive(Flavour.VIRTUAL, ch);
        Async<Void> send = withInterruptSet(flavour, () -> {
            ch.send(4);
            return null;
        });
        send.get();
        assertTrue(send.interruptedAtEnd());
        assertEquals(4, receiver.get());

        // a closed, drained channel: receive reports closed rather than the interrupt
        ch.close();
        Async<Integer> closedReceive = withInterruptSet(flavour, ch::receive);
        closedReceive.failure(ChannelClosedException.class);
        assertTrue(closedReceive.interruptedAtEnd());
    }

    @ParameterizedTest
    @MethodSource("waitingSend")
    void aReceiveThatFindsAnElementOrAWaitingSenderCompletesDespiteAnInterrupt(ChannelSpec spec, Flavour flavour) {
        Channel<Integer> ch = spec.build();
        int n = fillUp(ch);
        Async<Void> sender = Async.blockedSend(Flavour.VIRTUAL, ch, -1);
        Async<Integer> receive = withInterruptSet(flavour, ch::receive);
        assertEquals(n > 0 ? 0 : -1, receive.get());
        assertTrue(receive.interruptedAtEnd());
        sender.get();
    }

    @ParameterizedTest
    @MethodSource("all")
    void callsThatMustWaitThrowAtOnceWhenInterrupted(ChannelSpec spec, Flavour flavour) {
        Channel<Integer> ch = spec.build();
        Async<Integer> receive = withInterruptSet(flavour, ch::receive);
        receive.failure(InterruptedException.class);
        Async<Integer> timedReceive = withInterruptSet(flavour, () -> ch.receive(Duration.ofMinutes(1)));
        timedReceive.failure(InterruptedException.class);
        assertFalse(timedReceive.interruptedAtEnd());

        if (spec.sendCanWait()) {
            int n = fillUp(ch);
            withInterruptSet(flavour, () -> {
                ch.send(-1);
                return null;
            }).failure(InterruptedException.class);
            withInterruptSet(flavour, () -> ch.send(-2, Duration.ofMinutes(1))).failure(InterruptedException.class);
            assertEquals(range(0, n), drain(ch), "nothing was sent");
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void tryOperationsIgnoreTheInterruptStatus(ChannelSpec spec, Flavour flavour) {
        Channel<Integer> ch = spec.build();
        Async<String> a = withInterruptSet(flavour, () -> {
            SendResult r = ch.trySend(1);
            assertEquals(spec.capacity() == 0 ? SendResult.FULL : SendResult.SENT, r);
            assertEquals(r.isSent() ? ReceiveResult.value(1) : ReceiveResult.empty(), ch.tryReceive());
            return "ok";
        });
        a.get();
        assertTrue(a.interruptedAtEnd());
    }
}
