package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/sieve2.go: an Eratosthenes-style prime sieve over buffered
 * channels, with a feedback loop and a send proxy whose select disables its send clause while
 * its buffer is empty (Go's nil channel).
 *
 * <p>Odd candidates flow from one goroutine; a merger goroutine keeps a heap of "multiples of p"
 * channels, one per prime fed back to it, and merges them into one increasing stream of
 * composites; the sieve goroutine passes the candidates that are not composites. The feedback
 * of primes to the merger goes through {@code sendproxy}, an unbounded buffer built from a
 * select with a receive clause and a send clause that is disabled whenever the buffer is empty
 * (if the disabled clause were ever taken, it would send a stale value and corrupt the output).
 * As in Go, the first 25 primes are checked; a second run checks the first 300.
 */
class GoSieve2Test {
    private static final int[] FIRST_25 = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67,
        71, 73, 79, 83, 89, 97};

    /** A channel with the value at its head. */
    private static final class PeekCh {
        int head;
        final ReceiveChannel<Integer> ch;

        PeekCh(int head, ReceiveChannel<Integer> ch) {
            this.head = head;
            this.ch = ch;
        }
    }

    /** The sieve's goroutines live in one scope. */
    private static final class Network {
        private final GoScope scope;

        Network(GoScope scope) {
            this.scope = scope;
        }

        /** The odd numbers from 5. */
        private Channel<Integer> odds() {
            Channel<Integer> out = Channel.buffered(50);
            scope.go(() -> {
                for (int n = 5; ; n += 2) {
                    out.send(n);
                }
            });
            return out;
        }

        /** The odd multiples of {@code p}, from {@code p * p}. */
        private Channel<Integer> multiples(int p) {
            Channel<Integer> out = Channel.buffered(10);
            scope.go(() -> {
                for (int n = p * p; ; n += 2 * p) {
                    out.send(n);
                }
            });
            return out;
        }

        /**
         * A channel that forwards to {@code out} through an unbounded buffer, so that sending to it
         * never blocks for long. Go's version disables its send case with a nil channel when the
         * buffer is empty; ours with {@code when(false)}.
         */
        private SendChannel<Integer> sendproxy(SendChannel<Integer> out) {
            Channel<Integer> proxy = Channel.buffered(10);
            scope.go(() -> {
                ArrayDeque<Integer> buffer = new ArrayDeque<>();
                SelectClause<Void> receive = Select.onReceive(proxy, e -> {
                    buffer.addLast(e);
                    return null;
                });
                for (;;) {
                    boolean empty = buffer.isEmpty();
                    int e = empty ? -1 : buffer.peekFirst(); // -1: never a valid value
                    SelectClause<Void> send = Select.<Integer, Void>onSend(out, e, () -> {
                        buffer.removeFirst();
                        return null;
                    }).when(!empty);
                    Select.select(receive, send);
                }
            });
            return proxy;
        }

        /** The primes, in order. */
        private Channel<Integer> sieve() throws InterruptedException {
            Channel<Integer> out = Channel.buffered(10);
            out.send(2);
            out.send(3);
            Channel<Integer> composites = Channel.buffered(50); // all composites to eliminate, increasing
            Channel<Integer> primes = Channel.buffered(10); // the feedback loop
            primes.send(3);

            // merge the channels of multiples of the primes into composites
            scope.go(() -> {
                PriorityQueue<PeekCh> h = new PriorityQueue<>(Comparator.comparingInt((PeekCh p) -> p.head));
                int min = 15;
                for (;;) {
                    int p = primes.receive();
                    if (p < 3) {
                        throw new AssertionError("bad prime fed back: " + p);
                    }
                    Channel<Integer> m = multiples(p);
                    int head = m.receive();
                    while (min < head) {
                        composites.send(min);
                        PeekCh minchan = h.remove();
                        min = minchan.head;
                        minchan.head = minchan.ch.receive();
                        h.add(minchan);
                    }
                    while (min == head) {
                        PeekCh minchan = h.remove();
                        min = minchan.head;
                        minchan.head = minchan.ch.receive();
                        h.add(minchan);
                    }
                    composites.send(head);
                    h.add(new PeekCh(m.receive(), m));
                }
            });

            // sieve the composites out of the candidates
            scope.go(() -> {
                // The merger receives from primes much more slowly than this goroutine sends to it
                // (only primes up to the square root of the candidates matter): a proxy buffers them.
                SendChannel<Integer> proxy = sendproxy(primes);
                Channel<Integer> candidates = odds();
                int p = candidates.receive();
                for (;;) {
                    int c = composites.receive();
                    while (p < c) {
                        proxy.send(p);
                        out.send(p);
                        p = candidates.receive();
                    }
                    if (p == c) {
                        p = candidates.receive();
                    }
                }
            });
            return out;
        }
    }

    private static int[] firstPrimes(int n) throws Exception {
        int[] got = new int[n];
        try (GoScope scope = new GoScope()) {
            Channel<Integer> primes = new Network(scope).sieve();
            for (int i = 0; i < n; i++) {
                got[i] = primes.receive();
            }
            scope.checkFailures();
        }
        return got;
    }

    @Test
    void primesBelowHundred() throws Exception {
        assertArrayEquals(FIRST_25, firstPrimes(25));
    }

    @Test
    void firstThreeHundredPrimes() throws Exception {
        assertArrayEquals(GoSieve1Test.plainSieve(300), firstPrimes(300));
    }
}
