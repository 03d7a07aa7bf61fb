package io.github.csp4j.channels;

import static io.github.csp4j.channels.Support.drain;
import static io.github.csp4j.channels.Support.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Channels whose send never waits: conflated, dropping (both policies) and unbounded.
 * <ul>
 *   <li>conflated keeps only the latest element; DROP_OLDEST keeps the newest {@code capacity}
 *       elements, DROP_NEWEST the first {@code capacity}; every dropped element reaches the
 *       undelivered callback, in order, so that received + dropped = sent;</li>
 *   <li>{@code send}, {@code send(e, 0)} and {@code trySend} on a full channel all succeed at once
 *       (a full dropping channel reports SENT), also on the hinted variants;</li>
 *   <li>a receiver waiting on an empty dropping channel gets the next element directly;</li>
 *   <li>a callback that throws: the exception reaches the sender, and the channel stays
 *       consistent and usable.</li>
 * </ul>
 */
@Timeout(30)
class DroppingAndConflatedTest {

    @Test
    void conflatedKeepsOnlyTheLatest() throws InterruptedException {
        List<Integer> dropped = new ArrayList<>();
        Channel<Integer> ch = Channel.<Integer>builder().conflated().onUndeliveredElement(dropped::add).build();
        assertEquals(ChannelKind.CONFLATED, ch.kind());
        for (int i = 1; i <= 5; i++) {
            ch.send(i);
            assertEquals(1, ch.size());
        }
        assertEquals(5, ch.receive());
        assertEquals(range(1, 5), dropped);
        assertEquals(ReceiveResult.empty(), ch.tryReceive());
    }

    /** Sends {@code capacity + 5} elements with every kind of send, then checks what stayed and what dropped. */
    @ParameterizedTest
    @MethodSource("droppingWithHints")
    void overflowKeepsWhatThePolicySaysAndDropsTheRestToTheCallback(ChannelSpec spec) throws InterruptedException {
        List<Integer> dropped = new ArrayList<>();
        Channel<Integer> ch = spec.build(dropped::add);
        int n = spec.capacity() + 5;
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> ch.send(i);
                case 1 -> assertTrue(ch.send(i, Duration.ZERO));
                default -> assertEquals(SendResult.SENT, ch.trySend(i));
            }
        }
        assertEquals(spec.capacity(), ch.size());
        List<Integer> kept = drain(ch);
        if (spec.overflow() == OverflowPolicy.DROP_OLDEST) {
            assertEquals(range(5, n), kept);
            assertEquals(range(0, 5), dropped);
        } else {
            assertEquals(range(0, spec.capacity()), kept);
            assertEquals(range(spec.capacity(), n), dropped);
        }
    }

    static List<ChannelSpec> droppingWithHints() {
        return ChannelSpec.allWithHints().stream().filter(ChannelSpec::drops).toList();
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#neverWaitingSend")
    void sendsNeverWait(ChannelSpec spec) throws InterruptedException {
        Channel<Integer> ch = spec.build();
        for (int i = 0; i < 10_000; i++) {
            ch.send(i);
            assertTrue(ch.send(i, Duration.ZERO));
            assertEquals(SendResult.SENT, ch.trySend(i));
        }
        assertEquals(spec.kind() == ChannelKind.UNBOUNDED ? 30_000 : spec.capacity(), ch.size());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#dropping")
    void aWaitingReceiverGetsTheNextElementDirectly(ChannelSpec spec) throws InterruptedException {
        List<Integer> dropped = Support.syncList();
        Channel<Integer> ch = spec.build(dropped::add);
        Async<Integer> receiver = Async.blockedReceive(Async.Flavour.VIRTUAL, ch);
        ch.send(1);
        assertEquals(1, receiver.get());
        assertEquals(List.of(), dropped);
        assertEquals(0, ch.size());
    }

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#dropping")
    void aThrowingCallbackReachesTheSenderAndTheChannelStaysConsistent(ChannelSpec spec) {
        List<Integer> dropped = new ArrayList<>();
        Channel<Integer> ch = spec.build(e -> {
            dropped.add(e);
            throw new IllegalStateException("dropped " + e);
        });
        Support.fill(ch, 0, spec.capacity());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ch.send(-1));

        boolean oldest = spec.overflow() == OverflowPolicy.DROP_OLDEST;
        assertEquals("dropped " + (oldest ? 0 : -1), e.getMessage());
        assertEquals(List.of(oldest ? 0 : -1), dropped);
        assertEquals(spec.capacity(), ch.size());
        List<Integer> expected = new ArrayList<>(range(oldest ? 1 : 0, spec.capacity()));
        if (oldest) {
            expected.add(-1);
        }
        assertEquals(expected, drain(ch));
        assertEquals(SendResult.SENT, ch.trySend(9), "still usable");
        assertEquals(List.of(9), drain(ch));
    }
}
