package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A flag that coroutines can wait for: {@code gevent.event.Event}, {@code asyncio.Event},
 * {@code threading.Event}; in Go, a channel that is closed to broadcast. {@link #set()} wakes every
 * waiter at once, and waiters arriving while it is set do not wait; {@link #clear()} makes later
 * waiters wait again.
 *
 * <pre>{@code
 * Event ready = new Event();
 * for (int i = 0; i < 10; i++) scope.spawn(() -> { ready.await(); return work(); });
 * loadConfig();
 * ready.set();                       // all ten start
 * }</pre>
 *
 * <p>A waiter that was waiting when the event was set is woken even if the event is cleared again
 * right away (gevent's guarantee). All methods may be called from any thread; waiting parks and
 * answers {@link Thread#interrupt()} with {@link InterruptedException}.
 *
 * <h2>In a select</h2>
 * {@link #onSet(Supplier)} is a select clause that fires when the event is set, for waiting on the
 * event together with channels (Go's {@code case <-done:}):
 * <pre>{@code
 * String what = Select.select(
 *         Select.onReceive(jobs, job -> "job " + job),
 *         shutdown.onSet(() -> "shutting down"));
 * }</pre>
 * {@link #asChannel()} gives the same as a channel that completes as closed when the event is set.
 */
public final class Event {
    /*
     * Implementation notes.
     *
     * The event is a rendezvous channel on which nobody ever sends: set() closes it, so every
     * receiver, present and future, sees "closed"; clear() swaps a closed channel for a fresh one
     * by CAS (two clears make one fresh channel). A waiter keeps the channel it read, so a set()
     * followed at once by clear() still wakes it. isSet() reads the current channel's closed flag.
     * set() linearizes at the close, clear() at the CAS.
     */
    private static final VarHandle CHANNEL;

    static {
        try {
            CHANNEL = MethodHandles.lookup().findVarHandle(Event.class, "channel", Channel.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Channel<Void> channel = Channel.rendezvous();

    /** Creates an event that is not set. */
    public Event() {
    }

    /** Sets the event: wakes every waiter; until {@link #clear()}, waiting returns at once. Idempotent. */
    public void set() {
        channel.close();
    }

    /** Clears the event: later waiters wait for the next {@link #set()}. Idempotent. */
    public void clear() {
        Channel<Void> c = channel;
        if (c.isClosedForSend()) {
            CHANNEL.compareAndSet(this, c, Channel.<Void>rendezvous());
        }
    }

    /** Returns whether the event is set. */
    public boolean isSet() {
        return channel.isClosedForSend();
    }

    /**
     * Waits until the event is set (returns at once if it is).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        channel.receiveCatching(); // nobody sends: it returns only when the channel is closed
    }

    /**
     * Waits at most {@code timeout} for the event to be set.
     *
     * @return {@code true} if it was set (before or while waiting), {@code false} if the timeout
     *     passed first
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public boolean await(Duration timeout) throws InterruptedException {
        Durations.toNanos(timeout, "timeout");
        Channel<Void> c = channel;
        if (c.isClosedForSend()) {
            return true;
        }
        try {
            c.receive(timeout); // nobody sends: null means the timeout passed
        } catch (ChannelClosedException set) {
            return true;
        }
        return c.isClosedForSend();
    }

    /**
     * Returns a channel that completes as closed when the event is set: a receive on it waits
     * until then and then reports "closed" ({@code receiveCatching()} returns a closed result,
     * iteration ends); nothing is ever received from it. It stands for the event as of this call:
     * after a {@link #clear()} that follows a set, ask again for a channel that waits for the next
     * set. It may be used in a select, as a receive clause that fires when the event is set. Its
     * {@code cancel()} throws {@link UnsupportedOperationException}: only {@link #set()} completes
     * it.
     */
    public ReceiveChannel<Void> asChannel() {
        return new ChannelView<>(channel, () -> {
            throw new UnsupportedOperationException("an event's channel cannot be cancelled; set the event");
        }, "event ");
    }

    /**
     * Returns a select clause that fires when the event is set (at once if it is set now), and
     * then returns what {@code handler} supplies: Go's {@code case <-done:} on a channel that is
     * closed to broadcast. It is a {@link Select#onReceiveCatching receive-catching} clause on
     * {@link #asChannel()}, so it stands for the event as of this call: after a {@link #clear()}
     * that follows a set, build a new clause (a reused one would keep firing).
     *
     * @throws NullPointerException if {@code handler} is null
     */
    public <R> SelectClause<R> onSet(Supplier<? extends R> handler) {
        Objects.requireNonNull(handler, "handler");
        return Select.onReceiveCatching(asChannel(), closed -> handler.get());
    }

    @Override
    public String toString() {
        return "Event[" + (isSet() ? "set" : "not set") + "]";
    }
}
