package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.CoroutineScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Producer-consumer: several producers and consumers over a bounded channel, with back-pressure
 * and a clean shutdown by close.
 *
 * <p>The threading notes leave "Example: Producer-Consumer Pattern" empty; this fills it in. Three
 * producers make 6 items each, at once; two consumers take 0.2 s per item. The channel holds at
 * most 3 items, so a producer that finds it full waits in {@code send} until a consumer makes room
 * (back-pressure: the fast side slows to the pace of the slow side, and memory stays bounded).
 * When all producers are done, the channel is closed; the consumers drain what is left, and their
 * {@code for} loops end. Nobody needs a sentinel value, a poison pill or a count.
 */
public final class ProducerConsumer {
    private ProducerConsumer() {
    }

    static final int PRODUCERS = 3;
    static final int ITEMS_EACH = 6;
    static final int CONSUMERS = 2;
    static final int CAPACITY = 3;
    static final double WORK = 0.2; // lesson seconds a consumer spends on an item

    /** What happened: every item consumed, and when the last producer was done (lesson seconds). */
    record Result(List<String> consumed, double producersDoneAt, double allDoneAt) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        Channel<String> queue = Channel.buffered(CAPACITY);
        List<Coroutine<List<String>>> consumers = new ArrayList<>();
        double producersDoneAt;

        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int c = 1; c <= CONSUMERS; c++) {
                String name = "consumer-" + c;
                consumers.add(scope.spawn(name, () -> consume(name, queue, clock, out)));
            }
            try (CoroutineScope producers = CoroutineScope.open()) {
                for (int p = 1; p <= PRODUCERS; p++) {
                    String name = "producer-" + p;
                    int id = p;
                    producers.spawn(name, () -> produce(name, id, queue, clock, out));
                }
            } finally { // here every producer is done (or failed)
                queue.close(); // no more items: the consumers drain the rest, then their loops end
            }
            producersDoneAt = clock.elapsed();
            out.println(clock.stamp() + " all producers done; queue closed");
        } // waits for the consumers

        List<String> consumed = new ArrayList<>();
        for (Coroutine<List<String>> c : consumers) {
            consumed.addAll(c.result());
        }
        double allDoneAt = clock.elapsed();
        out.printf("  %d items produced, %d consumed, each once; the producers finished at %.2f s, not at once:%n"
                + "  they could only run %d items ahead of the consumers%n",
                PRODUCERS * ITEMS_EACH, consumed.size(), producersDoneAt, CAPACITY);
        return new Result(consumed, producersDoneAt, allDoneAt);
    }

    /** Sends its items as fast as the queue takes them; returns the lesson seconds it spent waiting. */
    static double produce(String name, int id, SendChannel<String> queue, LessonClock clock, PrintStream out)
            throws InterruptedException {
        double waited = 0;
        for (int i = 1; i <= ITEMS_EACH; i++) {
            String item = "p" + id + "-" + i;
            double before = clock.elapsed();
            queue.send(item); // waits while the queue is full: back-pressure
            waited += clock.elapsed() - before;
        }
        out.printf("%s %s done: sent %d items, waited %.2f s in all for room%n",
                clock.stamp(), name, ITEMS_EACH, waited);
        return waited;
    }

    /** Takes items until the queue is closed and drained; returns what it took. */
    static List<String> consume(String name, ReceiveChannel<String> queue, LessonClock clock, PrintStream out)
            throws InterruptedException {
        List<String> taken = new ArrayList<>();
        for (String item : queue) { // ends when the queue is closed and drained
            out.println(clock.stamp() + " " + name + " took " + item);
            clock.sleep(WORK); // the work
            taken.add(item);
        }
        out.printf("%s %s: queue closed and drained, stopping after %d items%n", clock.stamp(), name, taken.size());
        return taken;
    }
}
