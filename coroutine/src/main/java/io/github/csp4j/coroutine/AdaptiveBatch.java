package io.github.csp4j.coroutine;

/**
 * How many elements a parallel-map worker takes from its input at once: enough to spread the
 * per-batch costs (channel traffic, the order hand-over) over many cheap elements, few enough
 * that slow elements are still spread over all workers. Internal; one per worker, not
 * thread-safe.
 *
 * <p>It keeps a smoothed estimate of the time one element takes to map (an exponentially
 * weighted average over batches, weight 1/4, starting at {@link #TARGET_NANOS}, i.e. "slow"),
 * and sizes the next batch to take about {@link #TARGET_NANOS}: from 1 up to {@link #MAX},
 * growing at most twofold per batch, shrinking at once. A mapper that takes tens of
 * microseconds or more therefore gets one element at a time (every worker busy), and one fast
 * element among slow ones does not change that; a mapper that takes nanoseconds gets up to
 * {@link #MAX} (the costs per batch, about a microsecond, amortised).
 */
final class AdaptiveBatch {
    /** The mapping time a batch aims at. */
    static final long TARGET_NANOS = 20_000;
    /** The largest batch. */
    static final int MAX = 256;

    private long nanosPerElement = TARGET_NANOS;
    private int size = 1;

    /** The size of the next batch. */
    int size() {
        return size;
    }

    /** Records that a batch of {@code taken} elements (at least 1) took {@code nanos} to map. */
    void record(int taken, long nanos) {
        long perElement = Math.max(0, nanos) / taken;
        nanosPerElement = (3 * nanosPerElement + perElement) >> 2;
        long ideal = TARGET_NANOS / Math.max(1, nanosPerElement);
        size = (int) Math.max(1, Math.min(Math.min(ideal, MAX), 2L * size));
    }
}
