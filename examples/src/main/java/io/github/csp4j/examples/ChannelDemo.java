package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.select.Select;
import java.time.Duration;

/**
 * A first taste of csp4j: a producer and a consumer on virtual threads, talking over a bounded
 * channel; back-pressure; shutdown by close; and a select with a timeout.
 */
public final class ChannelDemo {
    private ChannelDemo() {
    }

    static void produce(SendChannel<String> out, int n) throws InterruptedException {
        try {
            for (int i = 1; i <= n; i++) {
                out.send("job-" + i); // waits while the buffer is full: back-pressure
                System.out.println("  sent     job-" + i);
            }
        } finally {
            out.close(); // receivers drain what is buffered, then their loop ends
        }
    }

    static int consume(ReceiveChannel<String> in) {
        int count = 0;
        for (String job : in) { // like Go's `for job := range in`
            System.out.println("  received " + job);
            count++;
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== A producer and a consumer over Channel.buffered(2)");
        Channel<String> jobs = Channel.buffered(2);
        Thread producer = Thread.ofVirtual().name("producer").start(() -> {
            try {
                produce(jobs, 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int received = consume(jobs);
        producer.join();
        System.out.println("  consumer saw " + received + " jobs, then the channel closed: " + jobs);

        System.out.println("== select: whichever is ready first, or a timeout");
        Channel<Integer> numbers = Channel.rendezvous();
        Channel<String> words = Channel.rendezvous();
        Thread.ofVirtual().start(() -> {
            try {
                words.send("hello");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 2; i++) {
            String got = Select.select(
                    Select.onReceive(numbers, n -> "number " + n),
                    Select.onReceive(words, w -> "word " + w),
                    Select.onTimeout(Duration.ofMillis(200), () -> "nothing within 200 ms"));
            System.out.println("  select -> " + got);
        }
    }
}
