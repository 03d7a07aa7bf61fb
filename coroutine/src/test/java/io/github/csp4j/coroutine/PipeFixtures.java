package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Test helpers for pipelines: sources, an exactly-once ledger, waiting with a deadline. */
final class PipeFixtures {
    private PipeFixtures() {
    }

    /** A generator of {@code from, from+1, ..., from+n-1} on a channel of the given capacity. */
    static ReceiveChannel<Integer> range(Spawner scope, int from, int n, int capacity) {
        return scope.produce(capacity, out -> {
            for (int i = from; i < from + n; i++) {
                out.send(i);
            }
        });
    }

    /** A generator that counts up forever (until cancelled), counting what it sent. */
    static ReceiveChannel<Integer> endless(Spawner scope, AtomicInteger sent) {
        return scope.produce(4, out -> {
            for (int i = 0; ; i++) {
                out.send(i);
                sent.incrementAndGet();
            }
        });
    }

    /** A test body that runs in a scope. */
    @FunctionalInterface
    interface ScopeBody {
        void run(CoroutineScope scope) throws Exception;
    }

    /**
     * Runs {@code body} in a scope and closes it. If the body fails, the scope is cancelled
     * before it is closed, so that an endless pipeline reports the failure instead of hanging.
     */
    static void inScope(ScopeBody body) throws Exception {
        try (CoroutineScope scope = CoroutineScope.open()) {
            try {
                body.run(scope);
            } catch (Throwable e) {
                scope.cancel();
                throw e;
            }
        }
    }

    /** Polls {@code condition} until it holds, failing after 10 s. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Counts how often each element was seen, in any number of places. */
    static final class Ledger {
        private final Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();

        void add(Integer x) {
            seen.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet();
        }

        void addAll(List<Integer> xs) {
            xs.forEach(this::add);
        }

        /** Every element of [0, n) seen exactly once, and nothing else. */
        void assertExactlyOnce(int n) {
            for (int i = 0; i < n; i++) {
                AtomicInteger c = seen.get(i);
                assertTrue(c != null, "element " + i + " was lost");
                assertEquals(1, c.get(), "element " + i + " seen " + c.get() + " times");
            }
            assertEquals(n, seen.size(), "unexpected elements: " + seen.keySet());
        }

        /** Every element of [0, n) seen at most once; returns how many were seen. */
        int assertAtMostOnce(int n) {
            seen.forEach((k, v) -> {
                assertTrue(k >= 0 && k < n, "unexpected element " + k);
                assertEquals(1, v.get(), "element " + k + " seen " + v.get() + " times");
            });
            return seen.size();
        }

        int size() {
            return seen.size();
        }
    }

    /** An unbounded channel whose undelivered elements go to {@code ledger}. */
    static Channel<Integer> ledgerChannel(int capacity, Ledger ledger) {
        return Channel.<Integer>builder().capacity(capacity).onUndeliveredElement(ledger::add).build();
    }
}
