package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The stage behind {@link Pipelines#parallelMap} (ordered) and
 * {@link Pipelines#parallelMapUnordered}: N workers map the elements of one input into one
 * output. Internal.
 *
 * <pre>
 * Implementation notes.
 *
 * A worker takes a batch with ReceiveChannel.receiveBatch (at least one element, then those
 * already there, at most AdaptiveBatch.size()), maps all of it, then sends the results. Batches
 * amortise the channel traffic for cheap mappers; AdaptiveBatch keeps them at one element for
 * slow ones, so that slow elements are spread over all workers.
 *
 * Ordered: a worker takes its batch and a ticket under "claimLock", so tickets follow input
 * order; it maps without the lock, waits for its ticket's turn (Turns), sends its results and
 * passes the turn. So results leave in input order, each worker holds at most one batch, and the
 * output is written by one worker at a time (the single-producer hint holds: the turn hand-over
 * is a volatile write/read, a happens-before edge). A mapper failure in a batch sets
 * "noMoreClaims"; the failing worker still waits for its turn, sends the results of the
 * elements before the failed one, and only then stops the stage with the failure, which cancels
 * the workers holding later tickets. The output therefore reads exactly as a sequential map
 * that failed at that element would have written it. Unordered: no lock and no tickets; a
 * failure stops the stage at once.
 *
 * End of input: the worker that sees it records the cause (Stage.inputEnded) and the others
 * stop claiming; the output is closed by the last worker to finish, after every result was sent.
 *
 * Elements taken but never mapped (the rest of a batch when the mapper failed or the stage was
 * cancelled) go to onUnmapped; results computed but not sent go to the output's callback.
 * </pre>
 */
final class ParallelMapStage<T, R> extends Stage<R> {
    private final ReceiveChannel<? extends T> input;
    private final Mapper<? super T, ? extends R> mapper;
    private final Consumer<? super T> onUnmapped;
    private final boolean ordered;
    private final ReentrantLock claimLock = new ReentrantLock();
    private final Turns turns;
    private long nextTicket; // guarded by claimLock
    private volatile boolean noMoreClaims;

    ParallelMapStage(boolean ordered, ReceiveChannel<? extends T> input, int workers, int capacity,
            Mapper<? super T, ? extends R> mapper, Consumer<? super T> onUnmapped, Consumer<? super R> onUndelivered) {
        super(ordered ? "csp4j-parallelMap" : "csp4j-parallelMapUnordered", List.of(input), 1, capacity,
                ordered || workers == 1, onUndelivered); // one sender at a time: the faster queue
        this.ordered = ordered;
        this.input = input;
        this.mapper = mapper;
        this.onUnmapped = onUnmapped;
        this.turns = ordered ? new Turns(workers) : null;
    }

    @Override
    void work(int index) throws InterruptedException {
        Channel<R> out = output();
        AdaptiveBatch sizer = new AdaptiveBatch();
        @SuppressWarnings("unchecked")
        R[] results = (R[]) new Object[AdaptiveBatch.MAX];
        while (true) {
            List<? extends T> batch;
            long ticket = 0;
            if (ordered) {
                claimLock.lockInterruptibly();
                try {
                    if (noMoreClaims || isStopped() || (batch = take(sizer.size())) == null) {
                        return;
                    }
                    ticket = nextTicket++;
                } finally {
                    claimLock.unlock();
                }
            } else if (isStopped() || (batch = take(sizer.size())) == null) {
                return;
            }

            int n = batch.size();
            int mapped = 0;
            Throwable failure = null;
            long start = System.nanoTime();
            try {
                for (; mapped < n; mapped++) {
                    results[mapped] = apply(batch.get(mapped));
                }
            } catch (InterruptedException e) {
                discard(batch, mapped + 1, results, 0, mapped);
                throw e;
            } catch (Throwable e) {
                failure = e;
                noMoreClaims = true;
                discard(batch, mapped + 1, results, 0, 0);
            }
            sizer.record(n, System.nanoTime() - start);

            if (ordered) {
                try {
                    turns.await(ticket);
                } catch (InterruptedException e) {
                    discard(batch, n, results, 0, mapped);
                    throw e;
                }
            } else if (failure != null) {
                discard(batch, n, results, 0, mapped); // unordered: fail at once, results dropped
                stop(failure);
                return;
            }
            for (int i = 0; i < mapped; i++) {
                R r = results[i];
                results[i] = null;
                boolean sent;
                try {
                    sent = send(out, r);
                } catch (InterruptedException e) {
                    discard(batch, n, results, i + 1, mapped);
                    throw e;
                }
                if (!sent) {
                    discard(batch, n, results, i + 1, mapped);
                    return;
                }
            }
            if (failure != null) {
                stop(failure);
                return;
            }
            if (ordered) {
                turns.pass(ticket);
            }
        }
    }

    /** A batch, or {@code null} at the end of the input (recorded). */
    private List<? extends T> take(int max) throws InterruptedException {
        try {
            return input.receiveBatch(max);
        } catch (io.github.csp4j.channels.ChannelClosedException e) {
            noMoreClaims = true;
            inputEnded(e);
            return null;
        }
    }

    private R apply(T element) throws Exception {
        R r = mapper.apply(element);
        if (r == null) {
            throw new NullPointerException("the mapper returned null for an element (channels carry no nulls)");
        }
        return r;
    }

    /**
     * Hands what will not be delivered to the callbacks: the elements of {@code batch} from
     * {@code unmappedFrom} on (never mapped), and {@code results[from, to)} (mapped, not sent).
     */
    private void discard(List<? extends T> batch, int unmappedFrom, R[] results, int from, int to) {
        for (int i = from; i < to; i++) {
            R r = results[i];
            results[i] = null;
            undelivered(r);
        }
        if (onUnmapped != null) {
            for (int i = unmappedFrom; i < batch.size(); i++) {
                try {
                    onUnmapped.accept(batch.get(i));
                } catch (Throwable e) {
                    report(e);
                }
            }
        }
    }
}
