package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * Port of golang/go test/chan/select7.go: plain operations, one-clause selects and two-clause
 * selects pair with each other in all nine combinations.
 *
 * <p>recv1 is a plain receive, recv2 a select with one receive clause, recv3 a select with a
 * receive clause and a clause on a channel that never becomes ready; send1..send3 likewise for
 * sends. Go lets the receiver go first ({@code runtime.Gosched}); we run both orders
 * deterministically (the second party starts once the first is queued), on an unbuffered
 * channel as Go does and on a buffered(1) one, and repeat each combination.
 */
class GoSelect7Test {
    private static final int ROUNDS = 50;

    enum Recv {
        RECV1, RECV2, RECV3;

        int run(Channel<Integer> c) throws InterruptedException {
            return switch (this) {
                case RECV1 -> c.receive();
                case RECV2 -> Select.select(Select.onReceive(c, v -> v));
                case RECV3 -> {
                    Channel<Integer> c2 = Channel.rendezvous();
                    yield Select.select(Select.onReceive(c, v -> v), Select.onReceive(c2, v -> -2));
                }
            };
        }
    }

    enum Send {
        SEND1, SEND2, SEND3;

        void run(Channel<Integer> c) throws InterruptedException {
            switch (this) {
                case SEND1 -> c.send(1);
                case SEND2 -> Select.select(Select.onSend(c, 1, () -> 1));
                case SEND3 -> {
                    Channel<Integer> c2 = Channel.rendezvous();
                    int which = Select.select(Select.onSend(c, 1, () -> 1), Select.onSend(c2, 1, () -> 2));
                    assertEquals(1, which, "sent on the channel nobody reads");
                }
            }
        }
    }

    static Stream<Arguments> combinations() {
        return Stream.of(0, 1).flatMap(cap -> Stream.of(Recv.values()).flatMap(r -> Stream.of(Send.values())
                .flatMap(s -> Stream.of(true, false).map(receiverFirst -> Arguments.of(cap, r, s, receiverFirst)))));
    }

    @ParameterizedTest(name = "capacity {0}: {1} x {2}, receiver first {3}")
    @MethodSource("combinations")
    void pairs(int capacity, Recv recv, Send send, boolean receiverFirst) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Channel<Integer> c = Channel.buffered(capacity);
            AtomicInteger got = new AtomicInteger();
            try (GoScope scope = new GoScope()) {
                if (receiverFirst) {
                    scope.go(() -> got.set(recv.run(c)));
                    GoSupport.awaitWaitingReceivers(c, 1);
                    send.run(c);
                } else if (capacity == 0) {
                    scope.go(() -> send.run(c));
                    GoSupport.awaitWaitingSenders(c, 1);
                    got.set(recv.run(c));
                } else {
                    send.run(c); // completes into the buffer
                    got.set(recv.run(c));
                }
                GoSupport.await("receiver done", () -> got.get() != 0);
                scope.checkFailures();
            }
            assertEquals(1, got.get());
        }
    }
}
