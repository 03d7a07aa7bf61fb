package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendResult;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stage behind {@link Pipelines#fanOut}: one distributor coroutine hands each element of
 * the input to exactly one of N outputs, the first that has room. Internal.
 *
 * <pre>
 * Implementation notes.
 *
 * Delivery first tries every output without waiting (trySend never fails spuriously), starting
 * after the output that took the previous element, so that outputs with room share the load;
 * when all are full it waits in a select over a send to each. An output whose consumer
 * cancelled it answers CLOSED (or makes the select throw): it is dropped from the list and the
 * element is offered to the others, so a consumer leaving never loses an element another could
 * take. When none is left, the element goes to the callback (and the stage was already stopped
 * by the last cancel). The input's end closes every output once the distributor returns.
 * </pre>
 */
final class FanOutStage<T> extends Stage<T> {
    private final ReceiveChannel<? extends T> input;

    FanOutStage(ReceiveChannel<? extends T> input, int outputs, int capacity, Consumer<? super T> onUndelivered) {
        super("csp4j-fanOut", List.of(input), outputs, capacity, true, onUndelivered);
        this.input = input;
    }

    @Override
    void work(int index) throws InterruptedException {
        List<Channel<T>> open = new ArrayList<>(outputs());
        int next = 0;
        while (true) {
            T element;
            try {
                element = input.receive();
            } catch (ChannelClosedException e) {
                inputEnded(e);
                return;
            }
            int taker = deliver(open, next, element);
            if (taker < 0) {
                return;
            }
            next = open.isEmpty() ? 0 : (taker + 1) % open.size();
        }
    }

    /** Delivers to one open output; returns its index in {@code open}, or -1 if none is left. */
    private int deliver(List<Channel<T>> open, int next, T element) throws InterruptedException {
        while (!open.isEmpty()) {
            int n = open.size();
            boolean closedSeen = false;
            for (int k = 0; k < n; k++) {
                int i = (next + k) % n;
                SendResult r = open.get(i).trySend(element);
                if (r == SendResult.SENT) {
                    return i;
                }
                closedSeen |= r == SendResult.CLOSED;
            }
            if (closedSeen) {
                open.removeIf(Channel::isClosedForSend);
                continue;
            }
            List<SelectClause<Integer>> clauses = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int taker = i;
                clauses.add(Select.onSend(open.get(i), element, () -> taker));
            }
            try {
                return Select.select(clauses);
            } catch (ChannelClosedException e) {
                open.removeIf(Channel::isClosedForSend);
            } catch (InterruptedException e) {
                undelivered(element);
                throw e;
            }
        }
        undelivered(element);
        return -1;
    }
}
