package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/goroutines.go: make a lot of goroutines, threaded together, and
 * tear them down cleanly.
 *
 * <p>10,000 virtual threads each receive from the channel on their right and send the value to
 * the channel on their left ({@code left <- <-right}); one more sends 1 into the rightmost
 * channel, and the test receives it from the leftmost. Every link must then have ended: the
 * chain tears itself down by passing the value along, with nothing left parked.
 */
class GoGoroutinesTest {
    private static final int N = 10_000;

    @Test
    void chainOfTenThousandCoroutines() throws Exception {
        Channel<Integer> leftmost = Channel.rendezvous();
        Channel<Integer> left = leftmost;
        List<Thread> chain = new ArrayList<>(N + 1);
        for (int i = 0; i < N; i++) {
            Channel<Integer> right = Channel.rendezvous();
            Channel<Integer> l = left;
            chain.add(Thread.ofVirtual().start(() -> {
                try {
                    l.send(right.receive());
                } catch (InterruptedException e) {
                    throw new AssertionError("a link was interrupted", e);
                }
            }));
            left = right;
        }
        Channel<Integer> rightmost = left;
        chain.add(Thread.ofVirtual().start(() -> {
            try {
                rightmost.send(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        assertEquals(1, leftmost.receive());
        GoSupport.join(chain.toArray(Thread[]::new));
    }
}
