package io.github.csp4j.select;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onSend;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.spi.SelectableChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A select with a default clause meets a hand-over that is owed but not done: a publish counted
 * an element for a waiting receiver (or a receive freed room for a waiting sender) and waits for
 * the channel lock to hand it over. The select must not retry until that thread gets the lock
 * (on two carriers, two such selects took the lock in turn for ever): it runs the hand-over
 * itself, under the lock it holds anyway. The test holds the channel lock (it is reentrant, so
 * the select can still take it) to keep the owing thread out, which makes the state last.
 * Proves: no livelock, and first come first served still holds (the earlier waiter is served
 * first; the select gets an element only if one is left).
 */
@Timeout(60)
class SelectDefaultSettlesHandOversTest {

    private static ReentrantLock lockOf(Channel<?> ch) {
        return ((SelectableChannel) ch).lock();
    }

    /** Starts {@code n} senders of 1..n whose publishes owe a hand-over and wait for the held lock. */
    private static List<Thread> sendersBlockedInPublish(Channel<Integer> ch, int n) {
        List<Thread> senders = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int v = i;
            Thread t = Thread.ofVirtual().start(() -> ch.trySend(v));
            senders.add(t);
            Await.until(() -> t + " waits for the channel lock in publish", () -> lockOf(ch).hasQueuedThread(t));
        }
        return senders;
    }

    /** Starts a receiver that waits on the empty {@code ch} and stores what it gets in {@code into[0]}. */
    private static Thread waitingReceiver(Channel<Integer> ch, int[] into) {
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                into[0] = ch.receive();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Await.waiters(ch, 1, 0);
        return receiver;
    }

    /**
     * With one receiver waiting on a buffered(4) channel and {@code owed} senders whose publishes
     * wait for the held lock, runs a receive-or-default select; checks that the receiver that
     * waited first got the first element (1), and returns what the select answered.
     */
    private static String selectWhileHandOversAreOwed(int owed) throws InterruptedException {
        Channel<Integer> ch = Channel.buffered(4);
        int[] received = new int[1];
        Thread receiver = waitingReceiver(ch, received);
        lockOf(ch).lock();
        List<Thread> senders;
        String r;
        try {
            senders = sendersBlockedInPublish(ch, owed);
            r = Select.select(onReceive(ch, v -> "received " + v), onDefault(() -> "default"));
        } finally {
            lockOf(ch).unlock();
        }
        Await.join(receiver);
        assertEquals(1, received[0], "first come, first served: the earlier receiver gets the first element");
        for (Thread t : senders) {
            Await.join(t);
        }
        assertEquals(0, ch.size(), "every element went to a receiver");
        return r;
    }

    @Test
    void aDefaultSelectServesTheEarlierReceiverFirstThenTakesTheDefault() throws Exception {
        assertEquals("default", selectWhileHandOversAreOwed(1), "the one element was owed to the earlier receiver");
    }

    @Test
    void aDefaultSelectTakesWhatIsLeftAfterTheEarlierReceiver() throws Exception {
        assertEquals("received 2", selectWhileHandOversAreOwed(2));
    }

    @Test
    void aDefaultSelectAdmitsTheEarlierSenderBeforeItsOwnSend() throws Exception {
        Channel<Integer> ch = Channel.buffered(1);
        ch.send(1);
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                ch.send(2);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Await.waiters(ch, 0, 1);
        lockOf(ch).lock();
        String r;
        Thread receiver;
        try {
            // a receive frees the room and owes the waiting sender its admission, under the lock
            receiver = Thread.ofVirtual().start(() -> ch.tryReceive());
            Await.until(() -> receiver + " waits for the channel lock to admit the sender",
                    () -> lockOf(ch).hasQueuedThread(receiver));
            r = Select.select(onSend(ch, 3, () -> "sent"), onDefault(() -> "default"));
        } finally {
            lockOf(ch).unlock();
        }
        assertEquals("default", r, "the freed room was owed to the sender that waited first");
        Await.join(sender);
        Await.join(receiver);
        assertEquals(2, ch.tryReceive().value());
        assertEquals(0, ch.size());
    }
}
