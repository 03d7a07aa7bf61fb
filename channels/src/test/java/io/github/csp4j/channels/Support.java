package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/** Small helpers shared by the channel tests. */
final class Support {
    private Support() {
    }

    /** {@code trySend}s {@code from, from+1, ...} ({@code n} elements), each of which must be SENT. */
    static void fill(Channel<Integer> ch, int from, int n) {
        for (int i = from; i < from + n; i++) {
            assertEquals(SendResult.SENT, ch.trySend(i), () -> "trySend while filling " + ch);
        }
    }

    /**
     * Fills the channel's whole buffer with {@code 0..capacity-1} (nothing for rendezvous, a few
     * elements for unbounded); returns how many elements it sent.
     */
    static int fillUp(Channel<Integer> ch) {
        int n = ch.kind() == ChannelKind.UNBOUNDED ? 3 : ch.capacity();
        fill(ch, 0, n);
        return n;
    }

    /** Takes everything that {@code tryReceive} gives right now. */
    static List<Integer> drain(ReceiveChannel<Integer> ch) {
        List<Integer> out = new ArrayList<>();
        for (ReceiveResult<Integer> r; (r = ch.tryReceive()).isValue(); ) {
            out.add(r.value());
        }
        return out;
    }

    /** A thread-safe list for undelivered-element callbacks (cheap to append to, unlike copy-on-write). */
    static <T> List<T> syncList() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** {@code [from, to)} as a list. */
    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** Whether {@code xs} is strictly increasing. */
    static boolean strictlyIncreasing(List<Integer> xs) {
        for (int i = 1; i < xs.size(); i++) {
            if (xs.get(i - 1) >= xs.get(i)) {
                return false;
            }
        }
        return true;
    }
}
