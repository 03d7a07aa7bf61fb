package io.github.csp4j.coroutine;

import java.time.Duration;
import java.util.Objects;

/** Checks timeouts and periods and turns them into nanoseconds. Internal. */
final class Durations {
    private Durations() {
    }

    /**
     * Returns {@code d} in nanoseconds, {@link Long#MAX_VALUE} for anything that long or longer
     * (treated as "forever" by callers).
     *
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    static long toNanos(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + d);
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * As {@link #toNanos}, but also rejects zero.
     *
     * @throws IllegalArgumentException if {@code d} is zero or negative
     */
    static long toPositiveNanos(Duration d, String what) {
        long n = toNanos(d, what);
        if (n == 0L) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return n;
    }

    /** A {@link System#nanoTime()} deadline {@code nanos} from now, saturating far in the future. */
    static long deadline(long nanos) {
        long now = System.nanoTime();
        return nanos >= Long.MAX_VALUE / 2 ? now + Long.MAX_VALUE / 2 : now + nanos;
    }
}
