package io.github.csp4j.select;

import static io.github.csp4j.select.LincheckScenarios.actor;
import static io.github.csp4j.select.LincheckScenarios.scenario;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendResult;
import java.util.List;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plain {@code trySend}/{@code tryReceive} on a buffered(1) channel, model-checked by Lincheck on
 * two platform threads against a one-slot FIFO (a Go channel of capacity 1). Select's send and
 * receive clauses use exactly these try-operations in their poll phase.
 *
 * <p>The custom scenario is the one that once failed: the slot holds 1; thread 1 tries to receive
 * while thread 2 sends 2 and then receives. When a receiver's reservation freed the room before
 * its poll took the element, thread 2's send fitted and its receive took 1 first, leaving 2 for
 * thread 1: an element sent after thread 1's receive took effect. Room is now freed only after
 * the poll.
 */
@Timeout(120)
public class BufferedChannelLincheckTest {
    private final Channel<Integer> ch = Channel.buffered(1);

    public BufferedChannelLincheckTest() {
    }

    @Operation
    public boolean trySend(int v) {
        return ch.trySend(v) == SendResult.SENT;
    }

    @Operation
    public Integer tryReceive() {
        return ch.tryReceive().valueOrNull();
    }

    /** Sequential specification: one slot. */
    public static class Spec {
        private Integer slot;

        public Spec() {
        }

        public boolean trySend(int v) {
            if (slot != null) {
                return false;
            }
            slot = v;
            return true;
        }

        public Integer tryReceive() {
            Integer v = slot;
            slot = null;
            return v;
        }
    }

    @Test
    void tryOperationsOnBufferedOneAreLinearizable() {
        new ModelCheckingOptions()
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .iterations(5).invocationsPerIteration(100)
                .sequentialSpecification(Spec.class)
                .addCustomScenario(scenario(
                        List.of(actor(getClass(), "trySend", 1)),
                        List.of(List.of(actor(getClass(), "tryReceive")),
                                List.of(actor(getClass(), "trySend", 2), actor(getClass(), "tryReceive")))))
                .check(getClass());
    }
}
