package io.github.csp4j.examples;

import static io.github.csp4j.select.Select.onReceiveCatching;
import static io.github.csp4j.select.Select.onSend;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.coroutine.WaitGroup;
import io.github.csp4j.select.Select;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-stage pipeline with cancellation: stages joined by channels, and a {@code done} channel
 * whose close tells every stage to stop.
 *
 * <p>Go's classic from "Go Concurrency Patterns: Pipelines and cancellation": {@code gen} emits the
 * numbers 1 to 1000, two {@code sq} stages square them (fan-out), {@code merge} combines their
 * outputs (fan-in). The consumer needs only the first three results, then closes {@code done}: a
 * closed channel is ready for every receiver at once, so each stage, blocked in a select between
 * sending its next value and {@code done}, returns. No stage is left blocked forever and nothing
 * leaks: the example checks that every stage coroutine has finished.
 */
public final class Pipeline {
    private Pipeline() {
    }

    static final int NUMBERS = 1_000;
    static final int WANTED = 3;

    /** What happened: the results taken, the stages, and whether they all stopped. */
    record Result(List<Integer> taken, List<String> stages, boolean allStopped) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        Channel<Void> done = Channel.rendezvous(); // never sent on: closing it is the signal
        List<Coroutine<?>> stages = new ArrayList<>();

        ReceiveChannel<Integer> in = gen(done, stages, NUMBERS);
        ReceiveChannel<Integer> c1 = sq("sq-1", done, stages, in); // fan-out: two squarers share in
        ReceiveChannel<Integer> c2 = sq("sq-2", done, stages, in);
        ReceiveChannel<Integer> merged = merge(done, stages, c1, c2); // fan-in

        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < WANTED; i++) {
            taken.add(merged.receive());
        }
        out.printf("  took the first %d results: %s%n", WANTED, taken);
        done.close(); // defer close(done): tell every stage to stop

        boolean allStopped = Coroutines.joinAll(Duration.ofSeconds(10), stages).size() == stages.size();
        List<String> names = stages.stream().map(Coroutine::name).toList();
        out.printf("  closed done: %s %s%n", names, allStopped ? "all stopped" : "did NOT all stop");
        return new Result(taken, names, allStopped);
    }

    /** Emits 1..n, until done. */
    static ReceiveChannel<Integer> gen(ReceiveChannel<Void> done, List<Coroutine<?>> stages, int n) {
        Channel<Integer> out = Channel.rendezvous();
        stages.add(Coroutines.spawn("gen", () -> {
            try {
                for (int i = 1; i <= n; i++) {
                    if (!sendOrDone(out, i, done)) {
                        return null;
                    }
                }
            } finally {
                out.close(); // defer close(out)
            }
            return null;
        }));
        return out;
    }

    /** Squares what it receives, until its input ends or done. */
    static ReceiveChannel<Integer> sq(String name, ReceiveChannel<Void> done, List<Coroutine<?>> stages,
            ReceiveChannel<Integer> in) {
        Channel<Integer> out = Channel.rendezvous();
        stages.add(Coroutines.spawn(name, () -> {
            try {
                for (int n : in) {
                    if (!sendOrDone(out, n * n, done)) {
                        return null;
                    }
                }
            } finally {
                out.close();
            }
            return null;
        }));
        return out;
    }

    /** Forwards everything from {@code cs} into one channel, closed when all are drained, until done. */
    @SafeVarargs
    static ReceiveChannel<Integer> merge(ReceiveChannel<Void> done, List<Coroutine<?>> stages,
            ReceiveChannel<Integer>... cs) {
        Channel<Integer> out = Channel.rendezvous();
        WaitGroup wg = new WaitGroup();
        wg.add(cs.length);
        for (int i = 0; i < cs.length; i++) {
            ReceiveChannel<Integer> c = cs[i];
            stages.add(Coroutines.spawn("merge-" + (i + 1), () -> { // output(c)
                try {
                    for (int n : c) {
                        if (!sendOrDone(out, n, done)) {
                            return null;
                        }
                    }
                } finally {
                    wg.done();
                }
                return null;
            }));
        }
        stages.add(Coroutines.spawn("merge-closer", () -> {
            wg.await();
            out.close();
            return null;
        }));
        return out;
    }

    /**
     * Go's {@code select { case out <- v: case <-done: return }}: sends {@code v}, unless
     * {@code done} is closed first.
     *
     * @return {@code true} if sent, {@code false} if done
     */
    static <T> boolean sendOrDone(Channel<T> out, T v, ReceiveChannel<Void> done) throws InterruptedException {
        return Select.select(
                onSend(out, v, () -> true),
                onReceiveCatching(done, closed -> false));
    }
}
