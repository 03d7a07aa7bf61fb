package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * Timers as channels: Go's {@code time.After} and {@code time.NewTicker}. A timer is a channel that
 * receives a tick (the {@link Instant} it fired) when the time comes, so it can be waited on like
 * any channel, and in a select next to other channels (a timeout clause).
 *
 * <pre>{@code
 * ReceiveChannel<Instant> timeout = Timers.after(Duration.ofSeconds(1));
 * try (Ticker ticker = Timers.ticker(Duration.ofMillis(100))) {
 *     for (Instant tick : ticker.channel()) { ... if (done) break; }
 * }
 * }</pre>
 *
 * <h2>One timer thread</h2>
 * All timers share one daemon scheduler thread (a {@link java.util.concurrent.ScheduledThreadPoolExecutor}
 * of size one, which exits when idle), on which a tick is a non-blocking send: a million pending
 * timers are a million small queue entries, not a million threads. A timer's channel is
 * {@code buffered(1)} and the tick is sent with {@code trySend}: a tick is never queued behind
 * another, so a slow receiver misses ticks instead of accumulating them (Go's ticker does the same).
 */
public final class Timers {
    private Timers() {
    }

    /**
     * Returns a channel that receives one tick after {@code delay}: Go's {@code time.After},
     * asyncio's {@code sleep} as a channel. The channel is not closed after the tick (as in Go):
     * receive once. Cancelling the channel ({@link ReceiveChannel#cancel()}) before the tick
     * removes the pending timer at once, which is worth doing for long delays that lost a race.
     * {@code Duration.ZERO} ticks as soon as the timer thread gets to it.
     *
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static ReceiveChannel<Instant> after(Duration delay) {
        long nanos = Durations.toNanos(delay, "delay");
        Channel<Instant> ch = Channel.buffered(1);
        ScheduledFuture<?> f = Scheduler.schedule(() -> ch.trySend(Instant.now()), nanos);
        return new ChannelView<>(ch, () -> {
            f.cancel(false);
            return ch.cancel();
        }, "timer(" + delay + ") ");
    }

    /**
     * Starts a ticker that sends a tick into its channel every {@code period}, the first one
     * {@code period} from now, until stopped: Go's {@code time.NewTicker}. A receiver that falls
     * behind misses ticks (at most one waits in the channel). Stop it with {@link Ticker#stop()}
     * or {@code close()} (it is {@link AutoCloseable}); an unstopped ticker keeps its timer entry
     * forever.
     *
     * @throws NullPointerException if {@code period} is null
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    public static Ticker ticker(Duration period) {
        return new Ticker(period, Durations.toPositiveNanos(period, "period"));
    }

    /** The number of timer tasks pending on the shared timer thread (for monitoring and tests). */
    public static int pendingTimers() {
        return Scheduler.pendingTasks();
    }
}
