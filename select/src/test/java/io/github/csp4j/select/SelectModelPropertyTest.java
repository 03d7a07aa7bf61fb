package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static io.github.csp4j.select.Select.onSend;
import static io.github.csp4j.select.Select.onTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Property-based (QuickTheories), single-threaded: for random configurations (three channels of
 * random kinds, pre-filled or not, closed or not; one to five receive, catching-receive and send
 * clauses over them, channels repeated, clauses disabled; ended by a default or a zero timeout;
 * fair or priority) a select behaves like a small model. It completes exactly one ready enabled
 * clause (for selectInOrder the first), or the default/timeout only when none is ready; a closed
 * channel ends it with that channel's exception (cause kept) or closed result; and the effect on
 * every channel is exactly the model's: the head taken by a receive, a sent value appended, or
 * dropped by the overflow policy (checked through the drop callback), nothing else changed and no
 * waiter left. A rendezvous channel without a partner is never ready, except when closed.
 */
class SelectModelPropertyTest {
    private static final int RECEIVE = 0;
    private static final int CATCHING = 1;
    private static final int SEND = 2;

    @Test
    void selectBehavesLikeTheModel() {
        qt().withExamples(3_000).forAll(
                lists().of(integers().between(0, 7 * 5 * 2 - 1)).ofSize(3),
                lists().of(integers().between(0, 3 * 3 * 3 - 1)).ofSizeBetween(1, 5),
                integers().between(0, 3))
                .checkAssert((channelCodes, clauseCodes, mode) -> new Case(channelCodes, clauseCodes, mode).check());
    }

    private static final class Case {
        final int n;
        final Kind[] kinds = new Kind[3];
        final boolean[] closed = new boolean[3];
        final RuntimeException[] causes = new RuntimeException[3];
        final List<Channel<Integer>> chans = new ArrayList<>();
        final List<ArrayDeque<Integer>> model = new ArrayList<>();
        final List<List<Integer>> dropped = new ArrayList<>();
        final List<List<Integer>> expectedDropped = new ArrayList<>();
        final int[] op;
        final int[] channel;
        final boolean[] enabled;
        final boolean fair;
        final boolean useDefault;
        final String description;
        Object handed; // what the chosen receive handler was given

        Case(List<Integer> channelCodes, List<Integer> clauseCodes, int mode) {
            for (int i = 0; i < 3; i++) {
                int code = channelCodes.get(i);
                kinds[i] = Kind.values()[code % 7];
                closed[i] = code / 35 == 1;
                int prefill = Math.min((code / 7) % 5, kinds[i].capacity());
                List<Integer> drops = new ArrayList<>();
                Channel<Integer> ch = kinds[i].create(drops::add);
                ArrayDeque<Integer> contents = new ArrayDeque<>();
                for (int k = 0; k < prefill; k++) {
                    ch.trySend(100 * i + k);
                    contents.add(100 * i + k);
                }
                if (closed[i]) {
                    causes[i] = new RuntimeException("cause " + i);
                    ch.close(causes[i]);
                }
                chans.add(ch);
                model.add(contents);
                dropped.add(drops);
                expectedDropped.add(new ArrayList<>());
            }
            n = clauseCodes.size();
            op = new int[n];
            channel = new int[n];
            enabled = new boolean[n];
            for (int j = 0; j < n; j++) {
                int code = clauseCodes.get(j);
                op[j] = code % 3;
                channel[j] = (code / 3) % 3;
                enabled[j] = code / 9 != 2; // two in three enabled
            }
            fair = mode % 2 == 0;
            useDefault = mode / 2 == 0;
            description = IntStream.range(0, 3).mapToObj(i -> kinds[i] + (closed[i] ? " closed " : " ") + model.get(i))
                    .toList() + " clauses " + IntStream.range(0, n).mapToObj(j -> List.of("receive", "catching", "send")
                    .get(op[j]) + "@" + channel[j] + (enabled[j] ? "" : " disabled")).toList()
                    + (fair ? " fair" : " in order") + (useDefault ? " default" : " zero timeout");
        }

        boolean ready(int j) {
            int i = channel[j];
            if (!enabled[j]) {
                return false;
            }
            if (op[j] == SEND) {
                return closed[i] || kinds[i].buffers() && (model.get(i).size() < kinds[i].capacity() || !kinds[i].sendCanBlock());
            }
            return closed[i] || !model.get(i).isEmpty();
        }

        boolean throwsClosed(int j) {
            int i = channel[j];
            return closed[i] && (op[j] == SEND || op[j] == RECEIVE && model.get(i).isEmpty());
        }

        List<SelectClause<Integer>> clauses() {
            List<SelectClause<Integer>> clauses = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int clause = j;
                Channel<Integer> ch = chans.get(channel[j]);
                SelectClause<Integer> c = switch (op[j]) {
                    case RECEIVE -> onReceive(ch, v -> { handed = v; return clause; });
                    case CATCHING -> onReceiveCatching(ch, r -> { handed = r; return clause; });
                    default -> onSend(ch, 1000 + j, () -> clause);
                };
                clauses.add(c.when(enabled[j]));
            }
            clauses.add(n / 2, useDefault ? onDefault(() -> -1) : onTimeout(Duration.ZERO, () -> -1));
            return clauses;
        }

        void check() {
            List<Integer> ready = IntStream.range(0, n).filter(this::ready).boxed().toList();
            List<SelectClause<Integer>> clauses = clauses();
            int chosen;
            try {
                chosen = fair ? Select.select(clauses) : Select.selectInOrder(clauses);
            } catch (ChannelClosedException e) {
                int i = java.util.Arrays.asList(causes).indexOf(e.getCause());
                assertTrue(i >= 0, () -> "unexpected cause " + e.getCause() + " for " + description);
                List<Integer> throwing = ready.stream().filter(j -> channel[j] == i && throwsClosed(j)).toList();
                assertFalse(throwing.isEmpty(), () -> "threw " + e + " but no such clause was ready: " + description);
                if (!fair) {
                    assertTrue(throwing.contains(ready.get(0)), () -> "threw for a clause after the first ready one: " + description);
                }
                verifyChannels();
                return;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (chosen < 0) {
                assertTrue(ready.isEmpty(), () -> "took the default although clauses " + ready + " were ready: " + description);
            } else {
                assertTrue(ready.contains(chosen), () -> "chose clause " + chosen + ", ready were " + ready + ": " + description);
                if (!fair) {
                    assertEquals(ready.get(0), chosen, () -> "not the first ready clause: " + description);
                }
                assertFalse(throwsClosed(chosen), () -> "clause " + chosen + " should have thrown: " + description);
                applyToModel(chosen);
            }
            verifyChannels();
        }

        void applyToModel(int j) {
            int i = channel[j];
            ArrayDeque<Integer> contents = model.get(i);
            if (op[j] == RECEIVE) {
                assertEquals(contents.poll(), handed, description);
            } else if (op[j] == CATCHING) {
                if (contents.isEmpty()) {
                    ReceiveResult<?> r = (ReceiveResult<?>) handed;
                    assertTrue(r.isClosed(), description);
                    assertSame(causes[i], r.closeCause(), description);
                } else {
                    assertEquals(ReceiveResult.value(contents.poll()), handed, description);
                }
            } else if (contents.size() < kinds[i].capacity()) {
                contents.add(1000 + j);
            } else if (kinds[i] == Kind.DROP_NEWEST) {
                expectedDropped.get(i).add(1000 + j);
            } else { // drop oldest, conflated
                expectedDropped.get(i).add(contents.poll());
                contents.add(1000 + j);
            }
        }

        void verifyChannels() {
            for (int i = 0; i < 3; i++) {
                Channel<Integer> ch = chans.get(i);
                Fixtures.assertWaiters(ch, 0, 0);
                assertEquals(List.copyOf(model.get(i)), Fixtures.drain(ch), "channel " + i + " of " + description);
                assertEquals(expectedDropped.get(i), dropped.get(i), "dropped from channel " + i + " of " + description);
                assertEquals(closed[i], ch.isClosedForSend(), description);
            }
        }
    }
}
