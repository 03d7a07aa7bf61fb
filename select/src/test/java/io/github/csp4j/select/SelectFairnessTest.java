package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Select#select} is fair and {@link Select#selectInOrder} is a priority select.
 *
 * <h2>The bound</h2>
 * With k clauses always ready, a fair select picks each with p = 1/k, independently, so over
 * n = 100,000 selects a clause's count is Binomial(n, p): mean n/k, standard deviation
 * sd = sqrt(n p (1 - p)) (158 for k = 2, 149 for k = 3, 69 for k = 20). Each count must lie
 * within 6 sd of its mean: a fair implementation fails one such check with probability about
 * 2e-9 (two-sided normal tail beyond 6 sd), so the whole class is not flaky, while any real
 * bias (always trying clauses in the given order, or favouring one by even 1%) is caught: 1% of
 * 100,000 is 1,000 > 6 sd.
 */
class SelectFairnessTest {
    private static final int N = 100_000;

    /** Receive clauses on buffered(1) channels, each refilled after every select: always ready. */
    private static List<Channel<Integer>> readyChannels(int k) {
        List<Channel<Integer>> chans = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Channel<Integer> c = Channel.buffered(1);
            c.trySend(i);
            chans.add(c);
        }
        return chans;
    }

    private static List<SelectClause<Integer>> receiveClauses(List<Channel<Integer>> chans) {
        List<SelectClause<Integer>> clauses = new ArrayList<>();
        for (Channel<Integer> c : chans) {
            clauses.add(onReceive(c, v -> v));
        }
        return clauses;
    }

    /** Runs N selects over always-ready receive clauses; returns how often each was chosen. */
    private static int[] countChoices(List<Channel<Integer>> chans, List<SelectClause<Integer>> clauses, boolean fair)
            throws InterruptedException {
        int[] counts = new int[clauses.size()];
        for (int i = 0; i < N; i++) {
            int chosen = fair ? Select.select(clauses) : Select.selectInOrder(clauses);
            counts[chosen]++;
            assertEquals(SendResult.SENT, chans.get(chosen).trySend(chosen)); // ready again
        }
        return counts;
    }

    private static void assertFair(int[] counts, int k) {
        double p = 1.0 / k;
        double sd = Math.sqrt(N * p * (1 - p));
        for (int i = 0; i < counts.length; i++) {
            double deviation = Math.abs(counts[i] - N * p);
            int clause = i;
            assertTrue(deviation <= 6 * sd, () -> "clause " + clause + " chosen " + counts[clause] + " times of " + N
                    + ", expected " + Math.round(N * p) + " +- " + Math.round(6 * sd) + "; all counts: " + java.util.Arrays.toString(counts));
        }
    }

    @Test
    void twoReadyClausesAreChosenEquallyOften() throws Exception {
        // 100,000 fair coin flips: sd = sqrt(100,000 / 4) = 158, so the bound is 50,000 +- 949.
        List<Channel<Integer>> chans = readyChannels(2);
        assertFair(countChoices(chans, receiveClauses(chans), true), 2);
    }

    @Test
    void threeReadyClausesOfDifferentKindsAreEachChosenAThirdOfTheTime() throws Exception {
        // sd = sqrt(100,000 * 1/3 * 2/3) = 149, bound 33,333 +- 894. Mixed: two receives and a send
        // to a conflated channel (always ready, never grows).
        List<Channel<Integer>> chans = readyChannels(2);
        Channel<Integer> conflated = Channel.conflated();
        List<SelectClause<Integer>> clauses = new ArrayList<>(receiveClauses(chans));
        clauses.add(onSend(conflated, 2, () -> 2));
        int[] counts = new int[3];
        for (int i = 0; i < N; i++) {
            int chosen = Select.select(clauses);
            counts[chosen]++;
            if (chosen < 2) {
                chans.get(chosen).trySend(chosen);
            }
        }
        assertFair(counts, 3);
    }

    @Test
    void twentyReadyClausesAreChosenEquallyOften() throws Exception {
        // More clauses than the 16 whose order is packed into a long: the other code path.
        // sd = sqrt(100,000 * 0.05 * 0.95) = 69, bound 5,000 +- 413.
        List<Channel<Integer>> chans = readyChannels(20);
        assertFair(countChoices(chans, receiveClauses(chans), true), 20);
    }

    @Test
    void disabledClauseDoesNotSkewTheOthers() throws Exception {
        List<Channel<Integer>> chans = readyChannels(3);
        List<SelectClause<Integer>> clauses = receiveClauses(chans);
        clauses.get(1).when(false);
        int[] counts = countChoices(chans, clauses, true);
        assertEquals(0, counts[1], "the disabled clause was chosen");
        assertFair(new int[] {counts[0], counts[2]}, 2);
    }

    @Test
    void priorityVariantAlwaysPicksTheFirstReadyClause() throws Exception {
        for (int k : new int[] {3, 16, 17, 20}) { // both clause-order code paths
            List<Channel<Integer>> chans = readyChannels(k);
            List<SelectClause<Integer>> clauses = receiveClauses(chans);
            int firstReady = k - 2;
            for (int i = 0; i < firstReady; i++) {
                chans.get(i).tryReceive(); // not ready
            }
            int[] counts = countChoices(chans, clauses, false);
            assertEquals(N, counts[firstReady], "k = " + k + ": " + java.util.Arrays.toString(counts));

            clauses.get(firstReady).when(false); // disabled: the next ready one wins
            assertEquals(N, countChoices(chans, clauses, false)[firstReady + 1], "k = " + k);
        }
    }
}
