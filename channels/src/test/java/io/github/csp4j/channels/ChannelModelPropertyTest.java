package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property test (QuickTheories): for every kind and capacity, with and without hints, a random
 * single-threaded sequence of {@code trySend}, {@code tryReceive}, {@code close} and
 * {@code cancel} (plus {@code send(e, 0)} and {@code receive(0)}, which must behave like the
 * try-operations when nothing can wait) gives, after every step, the same results, size, closed
 * flags and undelivered elements as the sequential {@link ChannelModel}. QuickTheories shrinks a
 * failing sequence to a minimal one.
 */
@Timeout(60)
class ChannelModelPropertyTest {

    /** One step of a generated sequence. */
    record Op(Kind kind, int value) {
        enum Kind { TRY_SEND, SEND_ZERO_TIMEOUT, TRY_RECEIVE, RECEIVE_ZERO_TIMEOUT, CLOSE, CANCEL }

        @Override
        public String toString() {
            return switch (kind) {
                case TRY_SEND -> "trySend(" + value + ")";
                case SEND_ZERO_TIMEOUT -> "send(" + value + ", 0)";
                case TRY_RECEIVE -> "tryReceive()";
                case RECEIVE_ZERO_TIMEOUT -> "receive(0)";
                case CLOSE -> "close()";
                case CANCEL -> "cancel()";
            };
        }
    }

    private static Gen<Op> op(Op.Kind kind) {
        return Generate.constant(new Op(kind, 0));
    }

    @SuppressWarnings("unchecked")
    private static final Gen<Op> OPS = Generate.frequency(
            Pair.of(6, Generate.range(0, 9).map(v -> new Op(Op.Kind.TRY_SEND, v))),
            Pair.of(2, Generate.range(0, 9).map(v -> new Op(Op.Kind.SEND_ZERO_TIMEOUT, v))),
            Pair.of(5, op(Op.Kind.TRY_RECEIVE)),
            Pair.of(2, op(Op.Kind.RECEIVE_ZERO_TIMEOUT)),
            Pair.of(1, op(Op.Kind.CLOSE)),
            Pair.of(1, op(Op.Kind.CANCEL)));

    private static final Gen<List<Op>> SEQUENCES = lists().of(OPS).ofSizeBetween(0, 50);

    @ParameterizedTest
    @MethodSource("io.github.csp4j.channels.ChannelSpec#allWithHints")
    void behavesLikeTheModel(ChannelSpec spec) {
        qt().withExamples(300)
                .withFixedSeed(spec.name().hashCode())
                .forAll(SEQUENCES)
                .checkAssert(ops -> run(spec, ops));
    }

    private static void run(ChannelSpec spec, List<Op> ops) {
        List<Integer> undelivered = new ArrayList<>();
        Channel<Integer> ch = spec.build(undelivered::add);
        ChannelModel model = new ChannelModel(spec);
        List<String> done = new ArrayList<>();
        for (Op op : ops) {
            done.add(op.toString());
            String at = " after " + done;
            assertEquals(expected(model, op), actual(ch, op), () -> "result" + at);
            assertEquals(model.size(), ch.size(), () -> "size" + at);
            assertEquals(model.isClosedForSend(), ch.isClosedForSend(), () -> "isClosedForSend" + at);
            assertEquals(model.isClosedForReceive(), ch.isClosedForReceive(), () -> "isClosedForReceive" + at);
            assertEquals(model.undelivered(), undelivered, () -> "undelivered" + at);
        }
    }

    private static String expected(ChannelModel m, Op op) {
        return switch (op.kind()) {
            case TRY_SEND -> m.trySend(op.value()).name();
            case SEND_ZERO_TIMEOUT -> switch (m.trySend(op.value())) {
                case SENT -> "true";
                case FULL -> "false";
                case CLOSED -> "ChannelClosedException";
            };
            case TRY_RECEIVE -> m.tryReceive().toString();
            case RECEIVE_ZERO_TIMEOUT -> {
                ReceiveResult<Integer> r = m.tryReceive();
                yield r.isClosed() ? "ChannelClosedException" : String.valueOf(r.valueOrNull());
            }
            case CLOSE -> String.valueOf(m.close());
            case CANCEL -> String.valueOf(m.cancel());
        };
    }

    private static String actual(Channel<Integer> ch, Op op) {
        try {
            return switch (op.kind()) {
                case TRY_SEND -> ch.trySend(op.value()).name();
                case SEND_ZERO_TIMEOUT -> String.valueOf(ch.send(op.value(), Duration.ZERO));
                case TRY_RECEIVE -> ch.tryReceive().toString();
                case RECEIVE_ZERO_TIMEOUT -> String.valueOf(ch.receive(Duration.ZERO));
                case CLOSE -> String.valueOf(ch.close());
                case CANCEL -> String.valueOf(ch.cancel());
            };
        } catch (ChannelClosedException e) {
            return "ChannelClosedException";
        } catch (InterruptedException e) {
            throw new AssertionError("nobody interrupts this thread", e);
        }
    }
}
