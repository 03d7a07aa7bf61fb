package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * A ticker: a channel that receives a tick every period until stopped. Go's {@code time.Ticker};
 * created by {@link Timers#ticker(Duration)}.
 *
 * <p>Ticks are sent without waiting into a channel holding at most one: a receiver that is slower
 * than the period misses ticks instead of finding a backlog. {@link #stop()} (or {@link #close()},
 * for try-with-resources) removes the periodic task from the shared timer queue at once and closes
 * the channel: a receiver waiting on it sees "closed" and {@code for (Instant t : ticker.channel())}
 * ends (a tick that was already waiting may still be received first). Unlike Go, whose
 * {@code Stop} leaves the channel open, closing lets a loop over the ticker end cleanly.
 */
public final class Ticker implements AutoCloseable {
    private final Channel<Instant> channel = Channel.buffered(1);
    private final Duration period;
    private final ScheduledFuture<?> task;
    private final ReceiveChannel<Instant> view;

    Ticker(Duration period, long periodNanos) {
        this.period = period;
        this.task = Scheduler.scheduleAtFixedRate(this::tick, periodNanos);
        this.view = new ChannelView<>(channel, this::stop, "ticker(" + period + ") ");
    }

    private void tick() {
        channel.trySend(Instant.now()); // FULL: the receiver has not taken the last tick; drop this one
    }

    /**
     * Returns the channel the ticks arrive on. Cancelling it stops the ticker, as {@link #stop()}
     * does.
     */
    public ReceiveChannel<Instant> channel() {
        return view;
    }

    /** Returns the period. */
    public Duration period() {
        return period;
    }

    /**
     * Stops the ticker: no more ticks, the timer entry is released, and the channel is closed.
     * Idempotent.
     *
     * @return {@code true} if this call stopped it, {@code false} if it was already stopped
     */
    public boolean stop() {
        task.cancel(false);
        return channel.close();
    }

    /** Returns whether the ticker was stopped. */
    public boolean isStopped() {
        return channel.isClosedForSend();
    }

    /** Stops the ticker; same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Ticker[" + period + (isStopped() ? ", stopped" : "") + "]";
    }
}
