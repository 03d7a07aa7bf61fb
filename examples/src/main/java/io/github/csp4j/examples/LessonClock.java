package io.github.csp4j.examples;

import java.time.Duration;

/**
 * Lesson time. The notes count in seconds ("sleep 2 s"); the examples count in lesson seconds,
 * each {@code unit} of real time long: 1 s when an example runs on its own, less in the tour
 * and much less in the tests. {@code clock.sleep(2)} is the notes' {@code gevent.sleep(2)}, and
 * every timing is printed in lesson seconds, so the output reads the same at any scale.
 */
final class LessonClock {
    private final Duration unit;
    private final long startNanos;

    private LessonClock(Duration unit) {
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("the unit must be positive, was " + unit);
        }
        this.unit = unit;
        this.startNanos = System.nanoTime();
    }

    /** A clock whose lesson second lasts {@code unit}, starting now. */
    static LessonClock start(Duration unit) {
        return new LessonClock(unit);
    }

    /** How long a lesson second lasts in real time. */
    Duration unit() {
        return unit;
    }

    /** The real duration of {@code seconds} lesson seconds. */
    Duration of(double seconds) {
        return Duration.ofNanos(Math.round(unit.toNanos() * seconds));
    }

    /** Sleeps {@code seconds} lesson seconds: simulated work or waiting, as in the notes. */
    void sleep(double seconds) throws InterruptedException {
        Thread.sleep(of(seconds));
    }

    /** Lesson seconds since the clock started. */
    double elapsed() {
        return (System.nanoTime() - startNanos) / (double) unit.toNanos();
    }

    /**
     * The elapsed lesson time as a log prefix, indented under the example's heading, e.g.
     * {@code "  [ 2.00s]"}.
     */
    String stamp() {
        return String.format("  [%5.2fs]", elapsed());
    }
}
