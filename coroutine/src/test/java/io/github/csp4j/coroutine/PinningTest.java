package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.OverflowPolicy;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.select.Select;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * No carrier pinning: a busy workload of coroutines exchanging over every channel kind (and using
 * scopes, joins, generators, selects, Event, WaitGroup, gather, timers) records no
 * {@code jdk.VirtualThreadPinned} event, threshold 0. A control proves the recording would see one.
 */
class PinningTest {

    @Test
    void busyChannelWorkloadDoesNotPin() throws Exception {
        workload(200); // warm up: class loading and initialization happen outside the recording
        List<RecordedEvent> pinned = recordPinned(() -> workload(2_000));
        assertEquals(List.of(), describe(pinned), "pinned virtual threads");
    }

    @Test
    void controlTheRecordingSeesPinning() throws Exception {
        // a virtual thread that parks inside a class initializer pins its carrier (JDK 21 to 25)
        List<RecordedEvent> pinned = recordPinned(() -> Thread.ofVirtual().start(ParksInInitializer::touch).join());
        assertFalse(pinned.isEmpty(), "the control should have pinned");
    }

    static final class ParksInInitializer {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    interface Workload {
        void run() throws Exception;
    }

    private static List<RecordedEvent> recordPinned(Workload w) throws Exception {
        Path file = Files.createTempFile("csp4j-pinning", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            r.start();
            w.run();
            r.stop();
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned"))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> describe(List<RecordedEvent> events) {
        List<String> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            out.add(e.getDuration() + " " + (e.getStackTrace() == null ? "" : e.getStackTrace().getFrames().stream()
                    .limit(12).map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                    .toList()));
        }
        return out;
    }

    /** Pairs of coroutines exchanging {@code n} messages over each channel kind, and the helpers. */
    private static void workload(int n) throws Exception {
        List<Channel<Integer>> kinds = List.of(
                Channel.rendezvous(), Channel.buffered(1), Channel.buffered(16), Channel.unbounded(),
                Channel.conflated(), Channel.dropping(4, OverflowPolicy.DROP_NEWEST),
                Channel.dropping(4, OverflowPolicy.DROP_OLDEST));
        AtomicLong received = new AtomicLong();
        WaitGroup wg = new WaitGroup();
        Event go = new Event();
        try (CoroutineScope scope = CoroutineScope.withTimeout(Duration.ofSeconds(60))) {
            for (Channel<Integer> ch : kinds) {
                for (int p = 0; p < 2; p++) {
                    wg.add(1);
                    scope.spawn(() -> {
                        go.await();
                        try {
                            for (int i = 0; i < n; i++) {
                                ch.send(i);
                            }
                        } finally {
                            wg.done();
                        }
                        return null;
                    });
                }
                for (int c = 0; c < 2; c++) {
                    scope.spawn(() -> {
                        for (int ignored : ch) {
                            received.incrementAndGet();
                        }
                    });
                }
            }
            Coroutine<Void> closer = scope.spawn(() -> {
                wg.await();
                for (Channel<Integer> ch : kinds) {
                    ch.close();
                }
                return null;
            });
            go.set();
            ReceiveChannel<Integer> gen = scope.produce(out -> {
                for (int i = 0; i < n; i++) {
                    out.send(i);
                }
            });
            long sum = 0;
            for (int x : gen) {
                sum += x;
            }
            assertEquals((long) n * (n - 1) / 2, sum);
            List<Coroutine<Integer>> parts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int v = i;
                parts.add(scope.spawn(() -> v));
            }
            assertEquals(50, Coroutines.gather(parts).size());
            // a select over two channels fed by two producers, with an event clause that never fires
            Channel<Integer> left = Channel.rendezvous();
            Channel<Integer> right = Channel.buffered(8);
            Event never = new Event();
            for (Channel<Integer> ch : List.of(left, right)) {
                scope.spawn(() -> {
                    for (int i = 0; i < n; i++) {
                        ch.send(i);
                    }
                    return null;
                });
            }
            long selected = 0;
            for (int i = 0; i < 2 * n; i++) {
                selected += Select.select(Select.onReceive(left, x -> 1), Select.onReceive(right, x -> 1),
                        never.onSet(() -> 0));
            }
            assertEquals(2L * n, selected);
            Timers.after(Duration.ofMillis(1)).receive();
            closer.join();
        }
        assertTrue(received.get() > 0);
    }
}
