package io.github.csp4j.select;

import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.channels.spi.Parking;
import io.github.csp4j.channels.spi.SelectableChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Go's {@code select}: wait until exactly one of several channel operations can complete,
 * complete that one, and return what its handler computes.
 *
 * <pre>{@code
 * String what = Select.select(
 *         Select.onReceive(orders, o -> "order " + o),
 *         Select.onReceiveCatching(control, r -> r.isClosed() ? "shutdown" : "control " + r.value()),
 *         Select.onSend(audit, entry, () -> "audited"),
 *         Select.onTimeout(Duration.ofSeconds(1), () -> "idle"));
 * }</pre>
 *
 * <h2>Exactly one</h2>
 * A select completes exactly one clause. A receive clause that was not chosen took nothing; a
 * send clause that was not chosen sent nothing. This holds when selects race each other, race
 * plain sends and receives, time out, or are interrupted. The handler runs after the chosen
 * clause's channel operation completed, on the selecting thread; an exception it throws
 * propagates to the caller, and the channels stay consistent.
 *
 * <h2>Fairness</h2>
 * {@link #select} is fair: when several clauses are ready, each is chosen with equal probability
 * (clauses are tried in a fresh uniformly random order, as Go does). {@link #selectInOrder} is
 * the priority variant: it picks the first ready clause in the order given, e.g. to always drain
 * a control channel first. Clauses are tried one after another without locking (that is what
 * keeps a ready select fast), so "first ready" means first found ready when tried: a clause
 * that becomes ready just after it was tried does not beat a later clause that was ready when
 * tried, as with Kotlin's biased select.
 *
 * <h2>Default</h2>
 * A {@link #onDefault default} clause is taken only when there was one instant at which no
 * other clause could complete: when trying the clauses finds none ready, the select confirms it
 * under the locks of all its channels (as Go's select does), and tries again if a clause became
 * ready meanwhile. A clause that stayed ready throughout is never passed over for the default.
 *
 * <h2>Clauses</h2>
 * <ul>
 *   <li>{@link #onReceive}: receives an element. On a channel that is closed and drained the
 *       select completes by throwing that channel's {@link ChannelClosedException} (its cause is
 *       the close cause, if any).</li>
 *   <li>{@link #onReceiveCatching}: receives an element or "closed", both as a
 *       {@link ReceiveResult}, so that a loop can disable a finished channel and go on.</li>
 *   <li>{@link #onSend}: sends a value (evaluated once, when the clause is built). On a closed
 *       channel the select completes by throwing the channel's {@link ChannelClosedException}.</li>
 *   <li>{@link #onTimeout}: completes the select when the timeout passes first. At most one.</li>
 *   <li>{@link #onDefault}: makes the select non-blocking: taken only when no other clause can
 *       complete at that instant. At most one.</li>
 * </ul>
 * A clause can be {@linkplain SelectClause#when(boolean) disabled}. A select whose clauses are all
 * disabled, without an enabled timeout or default, waits until interrupted (Go's {@code select {}}).
 * The same channel may appear in several clauses; a select that both sends and receives on one
 * rendezvous channel never pairs with itself.
 *
 * <h2>Allocation</h2>
 * A select that finds a clause ready completes it without allocating: the clauses are tried in
 * place and nothing is registered (a catching receive hands its handler one
 * {@link ReceiveResult}; a select of more than 16 clauses allocates one {@code int} array for
 * its clause order). Clauses are objects, so a select whose clauses are built in the call
 * allocates them (and the varargs array); a loop that reuses one clause list allocates nothing
 * while its channels are ready. A select that must wait allocates a waiter and one node per
 * enabled clause (and, unless it waits without locks, see below, the list of channels it
 * locks), and unlinks the nodes that lost before it returns.
 *
 * <h2>Blocking, interrupts, timeouts</h2>
 * Waiting parks the thread (a virtual thread releases its carrier). A select whose clauses are
 * all on rendezvous channels waits without any channel lock: a partner that comes takes its
 * clause and wakes it with a few compare-and-sets. An interrupt while waiting
 * throws {@link InterruptedException}, and then no clause took effect. A timeout costs no thread:
 * the waiting thread parks with a deadline.
 */
public final class Select {
    private Select() {
    }

    // ---- clauses --------------------------------------------------------------------------------

    /**
     * A clause that receives an element from {@code channel} and passes it to {@code handler}.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code channel} was not built by csp4j
     */
    public static <T, R> SelectClause<R> onReceive(ReceiveChannel<T> channel, Function<? super T, ? extends R> handler) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(handler, "handler");
        return new ReceiveClause<>(channel, handler, null);
    }

    /**
     * A clause that receives from {@code channel} and hands the outcome to {@code handler} as a
     * {@link ReceiveResult}: a value, or closed (with the close cause) once the channel is closed
     * and drained.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code channel} was not built by csp4j
     */
    public static <T, R> SelectClause<R> onReceiveCatching(ReceiveChannel<T> channel,
            Function<? super ReceiveResult<T>, ? extends R> handler) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(handler, "handler");
        return new ReceiveClause<>(channel, null, handler);
    }

    /**
     * A clause that sends {@code value} to {@code channel}; {@code handler} runs once it was sent.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code channel} was not built by csp4j
     */
    public static <T, R> SelectClause<R> onSend(SendChannel<T> channel, T value, Supplier<? extends R> handler) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(handler, "handler");
        return new SendClause<>(channel, value, handler);
    }

    /**
     * A clause that completes the select when {@code timeout} has passed since the select began
     * and no other clause completed first.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static <R> SelectClause<R> onTimeout(Duration timeout, Supplier<? extends R> handler) {
        long nanos = Parking.nanosOf(timeout);
        Objects.requireNonNull(handler, "handler");
        return new TimeoutClause<>(nanos, handler);
    }

    /**
     * A clause that makes the select non-blocking: it is taken when no other clause can
     * complete at that instant.
     *
     * @throws NullPointerException if {@code handler} is null
     */
    public static <R> SelectClause<R> onDefault(Supplier<? extends R> handler) {
        Objects.requireNonNull(handler, "handler");
        return new DefaultClause<>(handler);
    }

    // ---- select ---------------------------------------------------------------------------------

    /**
     * Waits until one of {@code clauses} can complete, completes it, and returns its handler's
     * result. Fair: among ready clauses each is equally likely.
     *
     * @throws InterruptedException if interrupted while waiting (no clause took effect)
     * @throws ChannelClosedException if the chosen clause is a receive on a closed, drained
     *     channel or a send on a closed channel
     * @throws IllegalArgumentException if there are no clauses, or two timeouts or two defaults
     * @throws NullPointerException if a clause is null
     */
    @SafeVarargs
    public static <R> R select(SelectClause<? extends R>... clauses) throws InterruptedException {
        return SelectOperation.<R>run(validate(Objects.requireNonNull(clauses, "clauses")), true);
    }

    /** {@link #select(SelectClause[])} over a list built at run time. */
    public static <R> R select(List<? extends SelectClause<? extends R>> clauses) throws InterruptedException {
        return SelectOperation.<R>run(validate(clauses), true);
    }

    /**
     * The priority variant of {@link #select(SelectClause[])}: when several clauses are ready,
     * the first in the given order wins.
     */
    @SafeVarargs
    public static <R> R selectInOrder(SelectClause<? extends R>... clauses) throws InterruptedException {
        return SelectOperation.<R>run(validate(Objects.requireNonNull(clauses, "clauses")), false);
    }

    /** {@link #selectInOrder(SelectClause[])} over a list built at run time. */
    public static <R> R selectInOrder(List<? extends SelectClause<? extends R>> clauses) throws InterruptedException {
        return SelectOperation.<R>run(validate(clauses), false);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static <C extends SelectClause<?>> C[] validate(C[] clauses) {
        check(clauses, null, clauses.length);
        return clauses;
    }

    private static <C extends SelectClause<?>> List<C> validate(List<C> clauses) {
        Objects.requireNonNull(clauses, "clauses");
        check(null, clauses, clauses.size());
        return clauses;
    }

    /** Checks the clauses of an array or a list in place (no wrapper: this runs on every select). */
    private static void check(SelectClause<?>[] array, List<? extends SelectClause<?>> list, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("select needs at least one clause");
        }
        int timeouts = 0;
        int defaults = 0;
        for (int i = 0; i < n; i++) {
            SelectClause<?> c = array != null ? array[i] : list.get(i);
            if (c == null) {
                throw new NullPointerException("select clause " + i + " is null");
            }
            if (c instanceof TimeoutClause<?> && ++timeouts > 1) {
                throw new IllegalArgumentException("select has more than one timeout clause (clause " + i + ")");
            }
            if (c instanceof DefaultClause<?> && ++defaults > 1) {
                throw new IllegalArgumentException("select has more than one default clause (clause " + i + ")");
            }
        }
    }

    static SelectableChannel selectable(Object channel) {
        if (channel instanceof SelectableChannel s) {
            return s;
        }
        throw new IllegalArgumentException("select works on channels built by csp4j's Channel factories, not on "
                + channel.getClass().getName());
    }
}
