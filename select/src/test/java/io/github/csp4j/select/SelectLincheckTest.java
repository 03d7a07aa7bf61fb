package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendResult;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck model checking of non-blocking selects (priority order, with a default) and plain
 * try-operations on two buffered(1) channels, two platform threads, against a sequential
 * specification: two slots, ch1 carrying the value 1 and ch2 the value 2 (constant values, so the
 * checks are about which clause completed and the channel states, not about element order among
 * concurrent receivers; see {@link BufferedChannelLincheckTest}). Priority selects are used
 * because a fair select's choice is random and so has no deterministic specification; the two
 * variants share all code but the order in which clauses are tried.
 *
 * <ul>
 *   <li>{@link ReceiveSide}: both channels start full and every operation receives. Exactly
 *       once: no element is taken twice, the default is taken only when both were empty.</li>
 *   <li>{@link SendSide}: both start empty and every operation sends: no slot is filled twice.</li>
 *   <li>{@link Mixed}: a send and a receive clause in one select, with plain try-operations
 *       racing it: the default is never taken while one clause can complete. (Priority among
 *       clauses of <em>different</em> channels holds as tried, not at one instant: see
 *       {@link Select#selectInOrder(SelectClause[])}; a scenario that fills an earlier channel
 *       after it was tried is therefore not part of this specification.)</li>
 * </ul>
 */
@Timeout(120)
public class SelectLincheckTest {

    /** Both channels start full; operations only receive. */
    public static class ReceiveSide {
        final Channel<Integer> ch1 = Channel.buffered(1);
        final Channel<Integer> ch2 = Channel.buffered(1);

        public ReceiveSide() {
            ch1.trySend(1);
            ch2.trySend(2);
        }

        @Operation
        public int selectReceiveEither() throws InterruptedException {
            return Select.selectInOrder(onReceive(ch1, v -> v), onReceive(ch2, v -> v), onDefault(() -> 0));
        }

        @Operation
        public int selectReceiveEitherReversed() throws InterruptedException {
            return Select.selectInOrder(onReceive(ch2, v -> v), onReceive(ch1, v -> v), onDefault(() -> 0));
        }

        @Operation
        public Integer tryReceive1() {
            return ch1.tryReceive().valueOrNull();
        }

        @Operation
        public Integer tryReceive2() {
            return ch2.tryReceive().valueOrNull();
        }
    }

    /** Sequential specification of {@link ReceiveSide}. */
    public static class ReceiveSideSpec {
        boolean full1 = true;
        boolean full2 = true;

        public ReceiveSideSpec() {
        }

        public int selectReceiveEither() {
            return take1() ? 1 : take2() ? 2 : 0;
        }

        public int selectReceiveEitherReversed() {
            return take2() ? 2 : take1() ? 1 : 0;
        }

        public Integer tryReceive1() {
            return take1() ? 1 : null;
        }

        public Integer tryReceive2() {
            return take2() ? 2 : null;
        }

        boolean take1() {
            return full1 && !(full1 = false);
        }

        boolean take2() {
            return full2 && !(full2 = false);
        }
    }

    /** Both channels start empty; operations only send. */
    public static class SendSide {
        final Channel<Integer> ch1 = Channel.buffered(1);
        final Channel<Integer> ch2 = Channel.buffered(1);

        public SendSide() {
        }

        @Operation
        public int selectSendEither() throws InterruptedException {
            return Select.selectInOrder(onSend(ch1, 1, () -> 1), onSend(ch2, 2, () -> 2), onDefault(() -> 0));
        }

        @Operation
        public int selectSendEitherReversed() throws InterruptedException {
            return Select.selectInOrder(onSend(ch2, 2, () -> 2), onSend(ch1, 1, () -> 1), onDefault(() -> 0));
        }

        @Operation
        public boolean trySend1() {
            return ch1.trySend(1) == SendResult.SENT;
        }

        @Operation
        public boolean trySend2() {
            return ch2.trySend(2) == SendResult.SENT;
        }
    }

    /** Sequential specification of {@link SendSide}. */
    public static class SendSideSpec {
        boolean full1;
        boolean full2;

        public SendSideSpec() {
        }

        public int selectSendEither() {
            return put1() ? 1 : put2() ? 2 : 0;
        }

        public int selectSendEitherReversed() {
            return put2() ? 2 : put1() ? 1 : 0;
        }

        public boolean trySend1() {
            return put1();
        }

        public boolean trySend2() {
            return put2();
        }

        boolean put1() {
            return !full1 && (full1 = true);
        }

        boolean put2() {
            return !full2 && (full2 = true);
        }
    }

    /**
     * Sends and receives mixed in one select: each toggle selects, in priority order, a receive
     * from and a send to the same channel, with a default. On a buffered(1) channel exactly one
     * of the two can complete at any instant, so the default must never be taken, and the
     * outcome is fixed by the state: this exercises the default's snapshot under the locks.
     */
    public static class Mixed {
        final Channel<Integer> ch1 = Channel.buffered(1);
        final Channel<Integer> ch2 = Channel.buffered(1);

        public Mixed() {
        }

        @Operation
        public int toggle1() throws InterruptedException {
            return Select.selectInOrder(onReceive(ch1, v -> v), onSend(ch1, 1, () -> -1), onDefault(() -> 0));
        }

        @Operation
        public int toggle2() throws InterruptedException {
            return Select.selectInOrder(onSend(ch2, 2, () -> -2), onReceive(ch2, v -> v), onDefault(() -> 0));
        }

        @Operation
        public boolean trySend1() {
            return ch1.trySend(1) == SendResult.SENT;
        }

        @Operation
        public Integer tryReceive2() {
            return ch2.tryReceive().valueOrNull();
        }
    }

    /** Sequential specification of {@link Mixed}. */
    public static class MixedSpec {
        boolean full1;
        boolean full2;

        public MixedSpec() {
        }

        public int toggle1() {
            full1 = !full1;
            return full1 ? -1 : 1;
        }

        public int toggle2() {
            full2 = !full2;
            return full2 ? -2 : 2;
        }

        public boolean trySend1() {
            return !full1 && (full1 = true);
        }

        public Integer tryReceive2() {
            return full2 && !(full2 = false) ? 2 : null;
        }
    }

    private static ModelCheckingOptions options(Class<?> spec) {
        return new ModelCheckingOptions()
                .threads(2).actorsPerThread(3).actorsBefore(0).actorsAfter(1)
                .iterations(8).invocationsPerIteration(100)
                .sequentialSpecification(spec);
    }

    @Test
    void concurrentReceivingSelectsAreLinearizable() {
        options(ReceiveSideSpec.class).check(ReceiveSide.class);
    }

    @Test
    void concurrentSendingSelectsAreLinearizable() {
        options(SendSideSpec.class).check(SendSide.class);
    }

    @Test
    void mixedSendReceiveSelectsAreLinearizable() {
        options(MixedSpec.class).check(Mixed.class);
    }
}
