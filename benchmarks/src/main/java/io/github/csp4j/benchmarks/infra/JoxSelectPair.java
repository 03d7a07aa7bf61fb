package io.github.csp4j.benchmarks.infra;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;

/** jox: {@code Select.select(first.receiveClause(), second.receiveClause())}. */
final class JoxSelectPair implements SelectPair {
    private final Channel<Integer> first;
    private final Channel<Integer> second;

    JoxSelectPair(int capacity) {
        first = capacity == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity);
        second = capacity == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity);
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
        return Select.select(first.receiveClause(), second.receiveClause());
    }
}
