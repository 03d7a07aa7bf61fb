package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.select.Select;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A first taste of csp4j: a producer and a consumer on virtual threads, talking over a bounded
 * channel; back-pressure; shutdown by close; and a select with a timeout.
 *
 * <p>Plain threads and channels only (no coroutine module): what the rest of the tour builds on.
 */
public final class ChannelDemo {
    private ChannelDemo() {
    }

    /** What happened: how many jobs the consumer saw, and what the two selects answered. */
    record Result(int received, List<String> selected) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static void produce(SendChannel<String> out, int n, PrintStream log) throws InterruptedException {
        try {
            for (int i = 1; i <= n; i++) {
                log.println("  sending  job-" + i);
                out.send("job-" + i); // waits while the buffer is full: back-pressure
            }
        } finally {
            out.close(); // receivers drain what is buffered, then their loop ends
        }
    }

    static int consume(ReceiveChannel<String> in, PrintStream log) {
        int count = 0;
        for (String job : in) { // like Go's `for job := range in`
            log.println("  received " + job);
            count++;
        }
        return count;
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        out.println("  -- a producer and a consumer over Channel.buffered(2)");
        Channel<String> jobs = Channel.buffered(2);
        Thread producer = Thread.ofVirtual().name("producer").start(() -> {
            try {
                produce(jobs, 5, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int received = consume(jobs, out);
        producer.join();
        out.println("  consumer saw " + received + " jobs, then the channel closed: " + jobs);

        out.println("  -- select: whichever is ready first, or a timeout");
        Channel<Integer> numbers = Channel.rendezvous();
        Channel<String> words = Channel.rendezvous();
        Thread.ofVirtual().start(() -> {
            try {
                words.send("hello");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String got = Select.select(
                    Select.onReceive(numbers, n -> "number " + n),
                    Select.onReceive(words, w -> "word " + w),
                    Select.onTimeout(unit.multipliedBy(2).dividedBy(10), () -> "nothing within 0.2 s"));
            selected.add(got);
            out.println("  select -> " + got);
        }
        return new Result(received, selected);
    }
}
