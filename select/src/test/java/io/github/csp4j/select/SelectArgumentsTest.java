package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onReceiveCatching;
import static io.github.csp4j.select.Select.onSend;
import static io.github.csp4j.select.Select.onTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input is rejected before anything happens, with the exception the Javadoc names and a
 * message naming the problem: no clauses, two timeouts or two defaults, a negative timeout, a
 * channel not built by csp4j (IllegalArgumentException); a null clause, clause list, channel,
 * handler, value or timeout (NullPointerException). A rejected select took nothing.
 */
class SelectArgumentsTest {
    private final Channel<Integer> ch = Channel.buffered(1);
    private final Function<Integer, String> handler = v -> "v";
    private final Supplier<String> supplier = () -> "s";

    @Test
    void noClausesIsRejected() {
        assertRejected(IllegalArgumentException.class, "at least one clause", () -> Select.<String>select());
        assertRejected(IllegalArgumentException.class, "at least one clause", () -> Select.<String>selectInOrder());
        assertRejected(IllegalArgumentException.class, "at least one clause", () -> Select.select(List.<SelectClause<String>>of()));
        assertRejected(IllegalArgumentException.class, "at least one clause", () -> Select.selectInOrder(List.<SelectClause<String>>of()));
    }

    @Test
    void twoTimeoutsAreRejected() {
        assertRejected(IllegalArgumentException.class, "more than one timeout",
                () -> Select.select(onReceive(ch, handler), onTimeout(Duration.ZERO, supplier), onTimeout(Duration.ZERO, supplier)));
    }

    @Test
    void twoDefaultsAreRejected() {
        assertRejected(IllegalArgumentException.class, "more than one default",
                () -> Select.selectInOrder(onDefault(supplier), onReceive(ch, handler), onDefault(supplier)));
    }

    @Test
    void negativeTimeoutIsRejected() {
        assertRejected(IllegalArgumentException.class, "negative", () -> onTimeout(Duration.ofNanos(-1), supplier));
    }

    @Test
    void nullClauseIsRejectedNamingItsPosition() {
        assertRejected(NullPointerException.class, "clause 1", () -> Select.select(onReceive(ch, handler), null));
        assertRejected(NullPointerException.class, "clause 0", () -> Select.selectInOrder(Arrays.asList(null, onDefault(supplier))));
    }

    @Test
    void nullClauseListIsRejected() {
        assertRejected(NullPointerException.class, "clauses", () -> Select.select((List<SelectClause<String>>) null));
        assertRejected(NullPointerException.class, "clauses", () -> Select.selectInOrder((List<SelectClause<String>>) null));
    }

    /** A null varargs array is a null set of clauses, and should be named like the null list is. */
    @Test
    void nullClauseArrayIsRejectedNamingIt() {
        assertRejected(NullPointerException.class, "clauses", () -> Select.select((SelectClause<String>[]) null));
        assertRejected(NullPointerException.class, "clauses", () -> Select.selectInOrder((SelectClause<String>[]) null));
    }

    @Test
    void nullArgumentsOfClausesAreRejectedByName() {
        assertRejected(NullPointerException.class, "channel", () -> onReceive(null, handler));
        assertRejected(NullPointerException.class, "handler", () -> onReceive(ch, null));
        assertRejected(NullPointerException.class, "channel", () -> onReceiveCatching(null, r -> "r"));
        assertRejected(NullPointerException.class, "handler", () -> onReceiveCatching(ch, null));
        assertRejected(NullPointerException.class, "channel", () -> onSend(null, 1, supplier));
        assertRejected(NullPointerException.class, "value", () -> onSend(ch, null, supplier));
        assertRejected(NullPointerException.class, "handler", () -> onSend(ch, 1, null));
        assertRejected(NullPointerException.class, "timeout", () -> onTimeout(null, supplier));
        assertRejected(NullPointerException.class, "handler", () -> onTimeout(Duration.ZERO, null));
        assertRejected(NullPointerException.class, "handler", () -> onDefault(null));
    }

    @Test
    void channelNotBuiltByCsp4jIsRejected() {
        @SuppressWarnings("unchecked")
        ReceiveChannel<Integer> foreign = (ReceiveChannel<Integer>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ReceiveChannel.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        assertRejected(IllegalArgumentException.class, "csp4j", () -> onReceive(foreign, handler));
    }

    @Test
    void rejectedSelectTookNothing() {
        ch.trySend(1);
        assertRejected(IllegalArgumentException.class, "more than one default",
                () -> Select.select(onReceive(ch, handler), onDefault(supplier), onDefault(supplier)));
        assertRejected(NullPointerException.class, "clause 1", () -> Select.select(onReceive(ch, handler), null));
        assertEquals(ReceiveResult.value(1), ch.tryReceive());
    }

    @Test
    void timeoutTooLongForNanosIsAccepted() throws Exception {
        ch.trySend(1);
        assertEquals("v", Select.select(onReceive(ch, handler), onTimeout(Duration.ofSeconds(Long.MAX_VALUE), supplier)));
    }

    private static void assertRejected(Class<? extends RuntimeException> type, String named, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(named),
                () -> type.getSimpleName() + " should name \"" + named + "\", its message is: " + e.getMessage());
    }
}
