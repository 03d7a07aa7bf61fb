package io.github.csp4j.benchmarks.infra;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import java.util.function.Function;

/**
 * csp4j: {@code Select.select(Select.onReceive(first, v -> v), Select.onReceive(second, v -> v))},
 * optionally on channels built with the single-producer/single-consumer hints (each channel has one
 * producer, and the selecting thread is its only consumer). At capacity 0 the hints change nothing:
 * a rendezvous channel has no queue to choose.
 */
final class Csp4jSelectPair implements SelectPair {
    private static final Function<Integer, Integer> IDENTITY = v -> v;

    private final Channel<Integer> first;
    private final Channel<Integer> second;

    Csp4jSelectPair(int capacity, boolean hints) {
        first = channel(capacity, hints);
        second = channel(capacity, hints);
    }

    private static Channel<Integer> channel(int capacity, boolean hints) {
        return hints ? Channel.<Integer>builder().capacity(capacity).singleProducer().singleConsumer().build()
                : Channel.buffered(capacity);
    }

    @Override
    public void sendFirst(Integer element) throws InterruptedException {
        first.send(element);
    }

    @Override
    public void sendSecond(Integer element) throws InterruptedException {
        second.send(element);
    }

    @Override
    public Integer select() throws InterruptedException {
        return Select.select(Select.onReceive(first, IDENTITY), Select.onReceive(second, IDENTITY));
    }
}
