package io.github.csp4j.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveResult;
import io.github.csp4j.channels.SendResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts channels of any {@link Kind} into the states the tests need. */
final class Fixtures {
    private static final Pattern WAITING = Pattern.compile("waiting receivers=(\\d+), waiting senders=(\\d+)");

    private Fixtures() {
    }

    /**
     * Makes {@code v} ready for a receive from {@code ch}: buffered kinds get it in the buffer; a
     * rendezvous channel gets a sender thread waiting with it, which is returned (else null).
     */
    static Async<Void> offer(Kind kind, Channel<Integer> ch, int v, ThreadKind thread) {
        if (kind.buffers()) {
            assertEquals(SendResult.SENT, ch.trySend(v), () -> "no room in " + ch);
            return null;
        }
        int before = waitingSenders(ch);
        Async<Void> sender = Async.start(thread, () -> {
            ch.send(v);
            return null;
        });
        Await.until(() -> ch + " has " + (before + 1) + " waiting senders", () -> waitingSenders(ch) == before + 1);
        return sender;
    }

    /**
     * Makes a send to {@code ch} possible: a rendezvous channel gets a receiver thread waiting,
     * which is returned; buffered kinds are expected to have room already (returns null).
     */
    static Async<Integer> receiver(Kind kind, Channel<Integer> ch, ThreadKind thread) {
        if (kind.buffers()) {
            return null;
        }
        int before = waitingReceivers(ch);
        Async<Integer> receiver = Async.start(thread, ch::receive);
        Await.until(() -> ch + " has " + (before + 1) + " waiting receivers", () -> waitingReceivers(ch) == before + 1);
        return receiver;
    }

    /** Awaits the given partner calls (nulls are skipped), failing if one failed or hangs. */
    static void finish(Async<?>... calls) throws InterruptedException {
        for (Async<?> c : calls) {
            if (c != null) {
                c.get();
            }
        }
    }

    /** Fills a kind whose sends can block (so that a send is not ready); rendezvous needs nothing. */
    static void fill(Kind kind, Channel<Integer> ch, int filler) {
        assertTrue(kind.sendCanBlock(), kind + " never blocks a send");
        for (int i = 0; i < kind.capacity(); i++) {
            assertEquals(SendResult.SENT, ch.trySend(filler));
        }
        assertEquals(SendResult.FULL, ch.trySend(filler), () -> "not full: " + ch);
    }

    /** Takes every element that is ready in {@code ch} now, in order. */
    static java.util.List<Integer> drain(Channel<Integer> ch) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (ReceiveResult<Integer> r; (r = ch.tryReceive()).isValue(); ) {
            out.add(r.value());
        }
        return out;
    }

    /** The element a send clause delivered: what the receiver thread got, or the buffer's next element. */
    static Integer delivered(Channel<Integer> ch, Async<Integer> receiver) throws InterruptedException {
        return receiver != null ? receiver.get() : ch.tryReceive().valueOrNull();
    }

    /**
     * Asserts that the open channel {@code ch} holds nothing, nobody waits on it, and it still
     * works: an element sent with trySend (refused only by a rendezvous channel, which has no
     * receiver) is the next one received with tryReceive.
     */
    static void assertIdle(Channel<Integer> ch) {
        assertWaiters(ch, 0, 0);
        ReceiveResult<Integer> r = ch.tryReceive();
        assertTrue(r.isEmpty(), () -> "expected nothing in " + ch + ", got " + r);
        SendResult sent = ch.trySend(-42);
        if (sent == SendResult.SENT) {
            assertEquals(ReceiveResult.value(-42), ch.tryReceive(), () -> "element sent to " + ch + " was not received");
        } else {
            assertEquals(SendResult.FULL, sent, () -> "trySend on " + ch);
            assertEquals(0, ch.capacity(), () -> "refused a send although empty: " + ch);
        }
        assertWaiters(ch, 0, 0);
    }

    /** Asserts, without waiting, that {@code ch} reports these numbers of waiting parties. */
    static void assertWaiters(Channel<?> ch, int receivers, int senders) {
        String s = ch.toString();
        assertTrue(s.contains("waiting receivers=" + receivers + ", waiting senders=" + senders),
                () -> "expected " + receivers + " waiting receivers and " + senders + " waiting senders: " + s);
    }

    static int waitingReceivers(Channel<?> ch) {
        return waiting(ch, 1);
    }

    static int waitingSenders(Channel<?> ch) {
        return waiting(ch, 2);
    }

    private static int waiting(Channel<?> ch, int group) {
        Matcher m = WAITING.matcher(ch.toString());
        assertTrue(m.find(), () -> "no waiter counts in " + ch);
        return Integer.parseInt(m.group(group));
    }
}
