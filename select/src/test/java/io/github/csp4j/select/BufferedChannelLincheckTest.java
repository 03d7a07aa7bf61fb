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
 * <p><b>Fails</b> (a channels-module bug): the slot holds 1; thread 1 tries to receive while
 * thread 2 sends 2 and then receives. Thread 1 reserves the element (count 1 to 0) but has not
 * yet polled the queue; thread 2's send now fits (count 0 to 1) and its receive reserves and polls
 * first, taking 1; thread 1 then polls 2. Outcome: thread 1 got 2, thread 2 sent and got 1. No
 * sequential order explains it: thread 2's send could succeed only after thread 1's receive had
 * taken 1, so thread 1 received an element sent after its receive took effect.
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
