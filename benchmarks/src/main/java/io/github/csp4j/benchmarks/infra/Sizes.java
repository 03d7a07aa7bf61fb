package io.github.csp4j.benchmarks.infra;

/**
 * Element counts of the shapes. A benchmark always reports time per element through
 * {@code @OperationsPerInvocation} with the full count; the smoke test shrinks the real counts with
 * the system property {@value #DIVISOR_PROPERTY} (the scores are then meaningless, only "it ran" counts).
 */
public final class Sizes {
    /** Elements moved per benchmark invocation by the element-moving shapes. */
    public static final int ELEMENTS = 1_000_000;

    /** System property that divides every count; for the smoke test only. */
    public static final String DIVISOR_PROPERTY = "csp4j.bench.divisor";

    private Sizes() {
    }

    /** Returns {@code full}, divided by the smoke-test divisor if one is set, and at least 1. */
    public static int scaled(int full) {
        int divisor = Integer.getInteger(DIVISOR_PROPERTY, 1);
        return Math.max(1, full / Math.max(1, divisor));
    }

    /** Splits {@code total} over {@code parts}: part {@code i} gets its share, the first ones the remainder. */
    public static int share(int total, int parts, int i) {
        return total / parts + (i < total % parts ? 1 : 0);
    }
}
