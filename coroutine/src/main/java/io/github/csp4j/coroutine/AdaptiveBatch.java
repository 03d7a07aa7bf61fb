package io.github.csp4j.coroutine;

/**
 * How many elements a parallel-map worker takes from its input at once: enough to spread the
 * per-batch costs (channel traffic, the order hand-over) over many cheap elements, few enough
 * that slow elements are still spread over all workers. Internal; one per worker, not
 * thread-safe.
 *
 * <p>The size starts at 1 and follows the measured time a batch takes to map: it doubles while a
 * full batch maps in under half of {@link #TARGET_NANOS}, and halves when a batch takes more
 * than twice that. A mapper that takes microseconds or more therefore gets one element at a time
 * (every worker busy); one that takes nanoseconds gets up to {@link #MAX} (the costs per batch,
 * about a microsecond, amortised).
 */
final class AdaptiveBatch {
    /** The mapping time a batch aims at. */
    static final long TARGET_NANOS = 20_000;
    /** The largest batch. */
    static final int MAX = 256;

    private int size = 1;

    /** The size of the next batch. */
    int size() {
        return size;
    }

    /** Records that a batch of {@code taken} elements took {@code nanos} to map. */
    void record(int taken, long nanos) {
        if (nanos > 2 * TARGET_NANOS) {
            size = Math.max(1, size >> 1);
        } else if (taken == size && nanos < TARGET_NANOS / 2) {
            size = Math.min(MAX, size << 1);
        }
    }
}
