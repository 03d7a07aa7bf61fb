package io.github.csp4j.examples;

import static io.github.csp4j.select.Select.onReceiveCatching;

import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.coroutine.CoroutineScope;
import io.github.csp4j.coroutine.Spawner;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fan-in with select: merge two channels into one, taking from whichever is ready.
 *
 * <p>Go's classic from Rob Pike's "Go Concurrency Patterns": {@code boring("Joe")} and
 * {@code boring("Ann")} each talk at random intervals on a channel of their own; {@code fanIn}
 * selects over both and forwards whatever comes first, so that Joe and Ann are heard in the order
 * they speak. Here each talks five times and then closes its channel; the fan-in reads them with
 * {@code onReceiveCatching} and disables the clause of a channel that is closed ({@code when(false)},
 * Go's nil-channel trick), and closes its own channel when both are done, so the reader's loop ends.
 */
public final class FanIn {
    private FanIn() {
    }

    static final int MESSAGES_EACH = 5;

    /** What happened: the messages in the order the reader got them. */
    record Result(List<String> messages) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        List<String> messages = new ArrayList<>();
        try (CoroutineScope scope = CoroutineScope.open()) {
            ReceiveChannel<String> c = fanIn(scope, boring(scope, clock, "Joe"), boring(scope, clock, "Ann"));
            for (String message : c) {
                messages.add(message);
                out.println(clock.stamp() + " " + message);
            }
        }
        out.println(clock.stamp() + " You're both boring; I'm leaving.");
        return new Result(messages);
    }

    /** Says "{msg} 0", "{msg} 1", ... at random intervals of up to 1 s, then its channel is closed. */
    static ReceiveChannel<String> boring(Spawner scope, LessonClock clock, String msg) {
        return scope.produce(c -> {
            for (int i = 0; i < MESSAGES_EACH; i++) {
                if (i > 0) {
                    clock.sleep(ThreadLocalRandom.current().nextDouble()); // time.Sleep(rand.Intn(1e3) ms)
                }
                c.send(msg + " " + i);
            }
        });
    }

    /** What a fan-in select heard: from which input, and what. */
    record Heard(int input, ReceiveResult<String> result) {
    }

    /** Forwards whatever comes first from any of {@code inputs}, until all are closed. */
    @SafeVarargs
    static ReceiveChannel<String> fanIn(Spawner scope, ReceiveChannel<String>... inputs) {
        return scope.produce(c -> {
            List<SelectClause<Heard>> clauses = new ArrayList<>();
            for (int i = 0; i < inputs.length; i++) {
                int input = i;
                clauses.add(onReceiveCatching(inputs[i], r -> new Heard(input, r)));
            }
            while (clauses.stream().anyMatch(SelectClause::isEnabled)) {
                Heard heard = Select.select(clauses); // whichever input is ready first
                if (heard.result().isClosed()) {
                    clauses.get(heard.input()).when(false); // Go: input = nil; a closed channel is always ready
                } else {
                    c.send(heard.result().value());
                }
            }
        }); // returning closes c: the reader's loop ends
    }
}
