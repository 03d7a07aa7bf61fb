package io.github.csp4j.channels;

import io.github.csp4j.channels.spi.ChannelLock;
import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.SelectableChannel;
import io.github.csp4j.channels.spi.WaitNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * What every channel flavour shares: argument checks, the blocking paths (register a node, park,
 * clean up), close state, exceptions. A flavour supplies the non-blocking operations and the
 * registration of waiting nodes ({@link SelectableChannel}); waiting itself lives in
 * {@link Parking}, apart from storage.
 *
 * <p>Internal results are passed as {@code Object}: an element, or one of the markers
 * {@link #EMPTY} and {@link #CLOSED}, which never escape this package (elements are never null
 * and never these markers).
 */
abstract class AbstractChannel<T> implements Channel<T>, SelectableChannel {
    /** Internal marker: nothing was ready. */
    static final Object EMPTY = SelectableChannel.NOTHING;
    /** Internal marker: closed for the operation. */
    static final Object CLOSED = SelectableChannel.CLOSED;

    /** Timeouts beyond this are treated as "wait forever" (about 146 years). */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 2;
    /** How long {@code toString} waits for the lock to count waiters ({@link #waitersForToString}). */
    private static final long TO_STRING_LOCK_WAIT_MILLIS = 100;

    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    final ReentrantLock lock = new ChannelLock();
    final Consumer<? super T> onUndelivered;

    /** Set under the lock before the flavour publishes its closed state; read after seeing it. */
    Throwable closeCause;
    /** Set under the lock before the flavour publishes its closed state; read after seeing it. */
    boolean cancelled;

    AbstractChannel(Consumer<? super T> onUndelivered) {
        this.onUndelivered = onUndelivered;
    }

    // ---- what a flavour provides ------------------------------------------------------------

    /** Non-blocking receive: an element, {@link #EMPTY} or {@link #CLOSED}. */
    abstract Object tryReceiveInternal();

    /** Called before registering a waiting receiver: a flavour may spin briefly. Same results. */
    Object receiveBeforeParking() {
        return EMPTY;
    }

    /** Called before registering a waiting sender: a flavour may spin briefly. */
    SendResult sendBeforeParking(T element) {
        return SendResult.FULL;
    }

    /**
     * Waits until the node of a plain blocking send or receive (its waiter belongs to the calling
     * thread) completes, or the deadline passes. By default the node is registered under the lock,
     * through {@link #registerSend} or {@link #registerReceive}, and the thread parks in
     * {@link Parking#await} until a partner claims and completes it; a flavour may wait without the
     * lock instead. On {@code true} the node's status is final.
     *
     * @param deadline a {@link Parking#deadline(long)} value or {@link Parking#NO_DEADLINE}
     * @return {@code false} if the deadline passed first (then the node took no effect)
     * @throws InterruptedException if interrupted first (then the node took no effect)
     */
    boolean awaitBlocking(WaitNode node, long deadline) throws InterruptedException {
        Registration registration;
        lock.lock();
        try {
            registration = node.isSend() ? registerSend(node) : registerReceive(node);
        } finally {
            lock.unlock();
        }
        return registration == Registration.COMPLETED || awaitNode(node, deadline);
    }

    /** Closes; returns whether this call closed. */
    abstract boolean closeInternal(Throwable cause);

    // ---- send ---------------------------------------------------------------------------------

    @Override
    public final void send(T element) throws InterruptedException {
        Objects.requireNonNull(element, "element");
        SendResult r = trySend(element);
        if (r == SendResult.FULL) {
            r = sendBeforeParking(element);
        }
        if (r == SendResult.FULL) {
            sendBlocking(element, Parking.NO_DEADLINE);
        } else if (r == SendResult.CLOSED) {
            throw closedForSendException();
        }
    }

    @Override
    public final boolean send(T element, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(element, "element");
        long deadline = deadlineOf(timeout);
        SendResult r = trySend(element);
        if (r == SendResult.FULL) {
            r = sendBeforeParking(element);
        }
        if (r == SendResult.CLOSED) {
            throw closedForSendException();
        }
        return r == SendResult.SENT || sendBlocking(element, deadline);
    }

    private boolean sendBlocking(T element, long deadline) throws InterruptedException {
        WaitNode node = new WaitNode(true, element);
        if (!awaitBlocking(node, deadline)) {
            return false;
        }
        if (node.status() == WaitNode.CLOSED) {
            throw closedForSendException();
        }
        return true;
    }

    // ---- receive ------------------------------------------------------------------------------

    @Override
    public final T receive() throws InterruptedException {
        Object r = receiveInternal(Parking.NO_DEADLINE);
        if (r == CLOSED) {
            throw closedForReceiveException();
        }
        return cast(r);
    }

    @Override
    public final T receive(Duration timeout) throws InterruptedException {
        Object r = receiveInternal(deadlineOf(timeout));
        if (r == CLOSED) {
            throw closedForReceiveException();
        }
        return r == EMPTY ? null : cast(r);
    }

    @Override
    public final ReceiveResult<T> receiveCatching() throws InterruptedException {
        return toResult(receiveInternal(Parking.NO_DEADLINE));
    }

    @Override
    public final ReceiveResult<T> tryReceive() {
        return toResult(tryReceiveInternal());
    }

    @Override
    public final Object tryReceiveRaw() {
        return tryReceiveInternal();
    }

    /** An element, {@link #CLOSED}, or {@link #EMPTY} when the deadline passed. */
    @Override
    public final List<T> receiveBatch(int maxElements) throws InterruptedException {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be >= 1, was " + maxElements);
        }
        T first = receive();
        List<T> batch = new ArrayList<>(Math.min(maxElements, 64));
        batch.add(first);
        takeReady(batch, maxElements);
        return batch;
    }

    /**
     * Adds elements that are ready now, without waiting, until {@code batch} holds
     * {@code maxElements}. By default one try-receive at a time; a flavour may reserve several
     * at once.
     */
    void takeReady(List<T> batch, int maxElements) {
        while (batch.size() < maxElements) {
            Object r = tryReceiveInternal();
            if (r == EMPTY || r == CLOSED) {
                return;
            }
            batch.add(cast(r));
        }
    }

    private Object receiveInternal(long deadline) throws InterruptedException {
        Object r = tryReceiveInternal();
        if (r == EMPTY) {
            r = receiveBeforeParking();
        }
        if (r == EMPTY) {
            r = receiveBlocking(deadline);
        }
        return r;
    }

    private Object receiveBlocking(long deadline) throws InterruptedException {
        WaitNode node = new WaitNode(false, null);
        if (!awaitBlocking(node, deadline)) {
            return EMPTY;
        }
        return node.status() == WaitNode.CLOSED ? CLOSED : node.item();
    }

    /** Parks until the registered node completes; on timeout or interrupt unlinks it. False on timeout. */
    private boolean awaitNode(WaitNode node, long deadline) throws InterruptedException {
        WaitNode won;
        try {
            won = Parking.await(node.waiter(), deadline);
        } catch (InterruptedException e) {
            unregisterLocked(node);
            throw e;
        }
        if (won == null) {
            unregisterLocked(node);
            return false;
        }
        return true;
    }

    private void unregisterLocked(WaitNode node) {
        lock.lock();
        try {
            unregister(node);
        } finally {
            lock.unlock();
        }
    }

    // ---- close --------------------------------------------------------------------------------

    @Override
    public final boolean close() {
        return closeInternal(null);
    }

    @Override
    public final boolean close(Throwable cause) {
        return closeInternal(Objects.requireNonNull(cause, "cause"));
    }

    @Override
    public final Throwable closeCause() {
        return closeCause;
    }

    @Override
    public final RuntimeException closedForSendException() {
        return new ChannelClosedException(
                (cancelled ? "channel was cancelled: " : "channel is closed for send: ") + this,
                closeCause, cancelled);
    }

    @Override
    public final RuntimeException closedForReceiveException() {
        return new ChannelClosedException(
                (cancelled ? "channel was cancelled: " : "channel is closed and drained: ") + this,
                closeCause, cancelled);
    }

    // ---- SelectableChannel --------------------------------------------------------------------

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final ReentrantLock lock() {
        return lock;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Claims the node's own waiter during a registration, where nobody else can. */
    static void claimOwn(WaitNode node) {
        if (!node.waiter().tryClaim(node)) {
            throw new IllegalStateException("waiter claimed while registering (lock protocol broken): " + node);
        }
    }

    /** Completes a registering node at once with "closed": its own waiter is claimed for it (see {@link #claimOwn}). */
    static Registration completeClosed(WaitNode node) {
        claimOwn(node);
        node.complete(null, WaitNode.CLOSED);
        return Registration.COMPLETED;
    }

    /** Hands elements to the undelivered-element callback, all of them even if one call throws. */
    final void deliverUndelivered(Iterable<T> elements) {
        RuntimeException failure = null;
        for (T e : elements) {
            try {
                onUndelivered.accept(e);
            } catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                } else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    final ReceiveResult<T> toResult(Object r) {
        if (r == EMPTY) {
            return ReceiveResult.empty();
        }
        if (r == CLOSED) {
            return ReceiveResult.closed(closeCause);
        }
        return ReceiveResult.value(cast(r));
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    /** Validates a timeout and turns it into a {@link Parking} deadline. */
    static long deadlineOf(Duration timeout) {
        long nanos = Parking.nanosOf(timeout);
        return nanos >= FOREVER_NANOS ? Parking.NO_DEADLINE : Parking.deadline(nanos);
    }

    /**
     * For {@code toString}: "waiting receivers=R, waiting senders=S", counted under the lock if it
     * comes free within {@link #TO_STRING_LOCK_WAIT_MILLIS}, else (or if interrupted meanwhile)
     * with question marks. A critical section lasts microseconds, so only a thread stuck while
     * holding the lock makes it wait that long; a {@code toString} that waited for such a thread
     * would hang the debugger, log line or failing test's message that asked for it, and no
     * interrupt could end that wait.
     */
    final String waitersForToString(IntSupplier receivers, IntSupplier senders) {
        try {
            if (!lock.tryLock(TO_STRING_LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return "waiting receivers=?, waiting senders=? (lock held)";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "waiting receivers=?, waiting senders=? (interrupted)";
        }
        try {
            return "waiting receivers=" + receivers.getAsInt() + ", waiting senders=" + senders.getAsInt();
        } finally {
            lock.unlock();
        }
    }

    final String stateName(boolean closed) {
        return cancelled ? "cancelled" : closed ? (closeCause == null ? "closed" : "closed(" + closeCause + ")") : "open";
    }
}
