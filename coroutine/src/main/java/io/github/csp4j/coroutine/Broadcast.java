package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.OverflowPolicy;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.SendResult;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Every subscriber gets every element: a coroutine takes the elements of a source channel and
 * sends each one to every current subscriber, each through a channel of its own, with its own
 * buffer and its own policy for when it falls behind. Kotlin's {@code BroadcastChannel} /
 * {@code SharedFlow}, Go's one-goroutine-per-subscriber fan-out. (To give each element to only
 * one consumer, use {@link Pipelines#fanOut}.)
 *
 * <pre>{@code
 * try (CoroutineScope scope = CoroutineScope.open()) {
 *     Broadcast<Event> events = Broadcast.start(scope, source);
 *     ReceiveChannel<Event> audit = events.subscribe(1024, OverflowPolicy.BLOCK);      // sees everything; may slow the rest
 *     ReceiveChannel<Event> ui = events.subscribe(16, OverflowPolicy.DROP_OLDEST);     // never slows anybody
 *     ...
 *     ui.cancel();   // unsubscribes
 * }
 * }</pre>
 *
 * <h2>Subscribers</h2>
 * Subscribers join ({@link #subscribe}) and leave (by {@linkplain ReceiveChannel#cancel()
 * cancelling} their channel) at any time, from any thread. A subscriber gets every element the
 * broadcast takes from the source after its {@code subscribe} returned, in source order (and
 * possibly the element being delivered at that moment). Its policy says what happens when its
 * buffer is full:
 * <ul>
 *   <li>{@link OverflowPolicy#BLOCK}: the broadcast waits for it (and so do the other
 *       subscribers and the source): nothing is dropped for it.</li>
 *   <li>{@link OverflowPolicy#DROP_OLDEST}, {@link OverflowPolicy#DROP_NEWEST}: the broadcast
 *       never waits for it; the element dropped goes to that subscriber's undelivered-element
 *       callback.</li>
 * </ul>
 *
 * <h2>No subscriber, no loss</h2>
 * While nobody is subscribed, the broadcast takes nothing from the source: elements wait there
 * (and the source's producer waits, as for any channel nobody reads). If the subscribers an
 * element was meant for all leave before taking it, it waits for the next subscriber. So an
 * element the broadcast took goes to at least one subscriber, unless the broadcast is cancelled
 * (then it goes to the broadcast's own callback).
 *
 * <h2>End</h2>
 * When the source is closed and drained, every subscriber's channel is closed (with the source's
 * cause, if it had one; with a {@link CancellationException} if the source was cancelled);
 * subscribers drain what they have and then see "closed". A subscriber that joins afterwards
 * gets a channel that is already closed the same way. {@link #cancel()} ends the broadcast
 * early: the source is cancelled and subscribers are closed with a
 * {@link CancellationException}. Leaving subscribers do not end it, since others may join: a
 * broadcast keeps its scope open until its source ends or it is cancelled (by {@link #cancel()}
 * or by its scope).
 *
 * @param <T> the element type
 */
public final class Broadcast<T> {
    /*
     * Implementation notes.
     *
     * One pump coroutine (spawned in the caller's scope) does all sending, so every subscriber
     * channel has a single producer. The subscriber list is a copy-on-write array written under
     * "lock" and read without it; "subscribed" is signalled when it becomes non-empty. Delivery of
     * an element: try every subscriber without waiting (dropping channels never wait; a channel
     * that answers CLOSED was cancelled by its subscriber, who is removed), then wait, in a
     * select over sends, for the BLOCK subscribers that were full, until each took it or left.
     * If nobody took it (all left meanwhile), wait for a subscriber and try again.
     *
     * The end (source ended, cancel(), or the pump stopped by its scope) is recorded once under
     * the lock ("ended"), which also empties the list, so a subscribe either lands before it
     * (and is closed with the others) or sees it (and gets a closed channel). The pump is watched
     * by a completion listener, so the end is recorded even if the pump was cancelled before it
     * ran.
     */
    @SuppressWarnings("rawtypes")
    private static final Subscriber[] NONE = new Subscriber[0];

    private record Subscriber<T>(Channel<T> channel, OverflowPolicy policy) {
    }

    private final ReceiveChannel<? extends T> source;
    private final Consumer<? super T> onUndelivered;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition subscribed = lock.newCondition();
    @SuppressWarnings("unchecked")
    private volatile Subscriber<T>[] subscribers = NONE;
    private volatile boolean ended; // written under lock
    private Throwable endCause; // guarded by lock; null for a plain close
    private volatile Coroutine<Void> pump;

    private Broadcast(ReceiveChannel<? extends T> source, Consumer<? super T> onUndelivered) {
        this.source = source;
        this.onUndelivered = onUndelivered;
    }

    /**
     * Starts broadcasting {@code source} on a coroutine of {@code scope}.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if {@code scope} is a closed scope
     */
    public static <T> Broadcast<T> start(Spawner scope, ReceiveChannel<? extends T> source) {
        return start(scope, source, null);
    }

    /**
     * Starts broadcasting {@code source} on a coroutine of {@code scope}, with a callback for the
     * element the broadcast holds when it is cancelled.
     *
     * @param onUndelivered gets the element taken from the source but given to no subscriber
     *     because the broadcast was cancelled; may be null
     * @throws NullPointerException if {@code scope} or {@code source} is null
     * @throws IllegalStateException if {@code scope} is a closed scope
     */
    public static <T> Broadcast<T> start(Spawner scope, ReceiveChannel<? extends T> source,
            Consumer<? super T> onUndelivered) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        Broadcast<T> b = new Broadcast<>(source, onUndelivered);
        Coroutine<Void> p = scope.spawn("csp4j-broadcast", () -> {
            b.pump();
            return null;
        });
        b.pump = p;
        CoroutineTask<?> task = (CoroutineTask<?>) p;
        if (task.subscribe(b::pumpDone) == null) {
            b.pumpDone(task);
        }
        return b;
    }

    /**
     * Subscribes: returns a channel that gets every element taken from the source from now on.
     * Cancel the channel to unsubscribe (its buffered elements go to {@code onUndelivered}, if
     * given). After the broadcast ended, the channel is already closed as the broadcast ended.
     *
     * @param capacity the subscriber's buffer: at least 0 for {@link OverflowPolicy#BLOCK} (0:
     *     the broadcast waits until this subscriber takes each element), at least 1 for the
     *     dropping policies
     * @param policy what to do when the buffer is full: wait for this subscriber, or drop for it
     * @throws IllegalArgumentException if {@code capacity} is too small for {@code policy}
     * @throws NullPointerException if {@code policy} is null
     */
    public ReceiveChannel<T> subscribe(int capacity, OverflowPolicy policy) {
        return subscribe(capacity, policy, null);
    }

    /**
     * As {@link #subscribe(int, OverflowPolicy)}, with a callback.
     *
     * @param onUndelivered gets the elements dropped for this subscriber by its policy, and those
     *     still buffered when it unsubscribes; runs on the thread that dropped them (the
     *     broadcast's, or the unsubscribing one); may be null
     * @throws IllegalArgumentException if {@code capacity} is too small for {@code policy}
     * @throws NullPointerException if {@code policy} is null
     */
    public ReceiveChannel<T> subscribe(int capacity, OverflowPolicy policy, Consumer<? super T> onUndelivered) {
        Objects.requireNonNull(policy, "policy");
        int min = policy == OverflowPolicy.BLOCK ? 0 : 1;
        if (capacity < min) {
            throw new IllegalArgumentException("capacity must be >= " + min + " for " + policy + ", was " + capacity);
        }
        var builder = Channel.<T>builder().capacity(capacity).onOverflow(policy).singleProducer();
        if (onUndelivered != null) {
            builder.onUndeliveredElement(onUndelivered);
        }
        Channel<T> channel = builder.build();
        Subscriber<T> s = new Subscriber<>(channel, policy);
        boolean closedNow = false;
        Throwable cause = null;
        lock.lock();
        try {
            if (ended) {
                closedNow = true;
                cause = endCause;
            } else {
                Subscriber<T>[] old = subscribers;
                Subscriber<T>[] now = Arrays.copyOf(old, old.length + 1);
                now[old.length] = s;
                subscribers = now;
                subscribed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (closedNow) {
            close(channel, cause);
        }
        return new ChannelView<>(channel, () -> unsubscribe(s), "broadcast subscriber ");
    }

    /** Returns the number of current subscribers (a snapshot). */
    public int subscriberCount() {
        return subscribers.length;
    }

    /** Returns whether the broadcast has ended (source ended, or cancelled). */
    public boolean isEnded() {
        return ended;
    }

    /**
     * Cancels the broadcast: the source is cancelled (stopping the stages before it), every
     * subscriber's channel is closed with a {@link CancellationException} (subscribers still
     * drain what they have), and the broadcast's coroutine stops. Idempotent.
     *
     * @return {@code true} if this call ended the broadcast, {@code false} if it had ended already
     */
    public boolean cancel() {
        boolean ending = end(new CancellationException("broadcast was cancelled"));
        pump.cancel();
        cancelSource();
        return ending;
    }

    @Override
    public String toString() {
        return "Broadcast[" + subscribers.length + " subscribers" + (ended ? ", ended" : "") + "]";
    }

    // ---- the pump -----------------------------------------------------------------------------

    private void pump() {
        try {
            while (awaitSubscriber()) {
                T element;
                try {
                    element = source.receive();
                } catch (ChannelClosedException e) {
                    end(Stage.causeOf(e));
                    return;
                }
                if (!deliver(element)) {
                    undelivered(element);
                    return;
                }
            }
        } catch (InterruptedException e) {
            stopCancelled(); // cancelled: by its scope, or by cancel()
        }
    }

    /** Completion listener: however the pump ended, the broadcast has ended. */
    private boolean pumpDone(CoroutineTask<?> task) {
        if (task.rawState() == CoroutineTask.FAILED) {
            end(task.failureNow()); // never expected: the pump catches what it can
        } else {
            stopCancelled(); // a no-op if the pump ended the broadcast itself
        }
        return false;
    }

    private void stopCancelled() {
        if (end(Stage.cancellation("the broadcast's coroutine was cancelled", null))) {
            cancelSource();
        }
    }

    private void cancelSource() {
        try {
            source.cancel();
        } catch (Throwable e) {
            Stage.report(e);
        }
    }

    /** Waits until somebody is subscribed; {@code false} if the broadcast ended meanwhile. */
    private boolean awaitSubscriber() throws InterruptedException {
        if (subscribers.length > 0) {
            return true;
        }
        lock.lockInterruptibly();
        try {
            while (subscribers.length == 0 && !ended) {
                subscribed.await();
            }
            return !ended;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives {@code element} to every subscriber; {@code false} if the broadcast ended before
     * anybody took it. If interrupted before anybody took it, hands it to the callback.
     */
    private boolean deliver(T element) throws InterruptedException {
        boolean taken = false;
        try {
            while (true) {
                Subscriber<T>[] snapshot = subscribers;
                if (snapshot.length == 0) {
                    if (!awaitSubscriber()) {
                        return false;
                    }
                    continue;
                }
                List<Channel<T>> waitFor = null;
                for (Subscriber<T> s : snapshot) {
                    SendResult r = s.channel().trySend(element);
                    if (r == SendResult.SENT) {
                        taken = true;
                    } else if (r == SendResult.FULL) { // only BLOCK subscribers are ever full
                        if (waitFor == null) {
                            waitFor = new ArrayList<>();
                        }
                        waitFor.add(s.channel());
                    } else {
                        remove(s); // it unsubscribed
                    }
                }
                while (waitFor != null && !waitFor.isEmpty()) { // wait for the full BLOCK subscribers
                    List<SelectClause<Channel<T>>> clauses = new ArrayList<>(waitFor.size());
                    for (Channel<T> c : waitFor) {
                        clauses.add(Select.onSend(c, element, () -> c));
                    }
                    try {
                        waitFor.remove(Select.select(clauses));
                        taken = true;
                    } catch (ChannelClosedException e) {
                        waitFor.removeIf(Channel::isClosedForSend); // subscribers that left
                    }
                }
                if (taken) {
                    return true;
                }
                if (ended) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            if (!taken) {
                undelivered(element);
            }
            throw e;
        }
    }

    // ---- subscribers and the end --------------------------------------------------------------

    private boolean unsubscribe(Subscriber<T> s) {
        boolean cancelled = s.channel().cancel();
        remove(s);
        return cancelled;
    }

    private void remove(Subscriber<T> s) {
        lock.lock();
        try {
            Subscriber<T>[] old = subscribers;
            for (int i = 0; i < old.length; i++) {
                if (old[i] == s) {
                    @SuppressWarnings("unchecked")
                    Subscriber<T>[] now = old.length == 1 ? NONE : new Subscriber[old.length - 1];
                    System.arraycopy(old, 0, now, 0, i);
                    System.arraycopy(old, i + 1, now, i, old.length - i - 1);
                    subscribers = now;
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records the end once and closes every subscriber; whether this call ended it. */
    private boolean end(Throwable cause) {
        Subscriber<T>[] toClose;
        lock.lock();
        try {
            if (ended) {
                return false;
            }
            ended = true;
            endCause = cause;
            toClose = subscribers;
            @SuppressWarnings("unchecked")
            Subscriber<T>[] none = NONE;
            subscribers = none;
            subscribed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Subscriber<T> s : toClose) {
            close(s.channel(), cause);
        }
        return true;
    }

    private static void close(Channel<?> channel, Throwable cause) {
        if (cause == null) {
            channel.close();
        } else {
            channel.close(cause);
        }
    }

    private void undelivered(T element) {
        if (onUndelivered != null) {
            try {
                onUndelivered.accept(element);
            } catch (Throwable e) {
                Stage.report(e);
            }
        }
    }
}
