package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.CoroutineScope;
import io.github.csp4j.coroutine.Coroutines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks versus an owner: two ways to make an update safe.
 *
 * <p>Ports the threading notes' {@code FakeDatabase}: {@code update} reads the value, works for
 * 0.1 s and writes it back, so that concurrent updates overwrite each other; {@code locked_update}
 * holds a lock around the whole of it. The third way keeps the value inside one coroutine, the
 * owner, which receives update requests on a channel and answers each with the new value: no
 * lock, because nobody else can reach the value. Both safe versions serialise the updates (the
 * work is inside the critical section); the owner does it by reading one message at a time.
 */
public final class LocksVersusOwner {
    private LocksVersusOwner() {
    }

    /** What happened: the final value of each database after {@code workers} updates. */
    record Result(int workers, int unsafe, int locked, int owned) {
    }

    /** The notes' FakeDatabase. */
    static final class FakeDatabase {
        private final LessonClock clock;
        int value = 0;
        private final ReentrantLock lock = new ReentrantLock(); // threading.Lock()

        FakeDatabase(LessonClock clock) {
            this.clock = clock;
        }

        /** Read, work, write: two updates at once overwrite each other. */
        void update(String name) throws InterruptedException {
            int localCopy = value;
            localCopy += 1;
            clock.sleep(0.1);
            value = localCopy;
        }

        /** {@code with self._lock:} around the same update. */
        void lockedUpdate(String name) throws InterruptedException {
            lock.lock();
            try {
                update(name);
            } finally {
                lock.unlock();
            }
        }
    }

    /** A request to the owner: who asks, and where to send the new value. */
    record Update(String name, Channel<Integer> reply) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        int workers = 5;

        LessonClock clock = LessonClock.start(unit);
        FakeDatabase unsafe = new FakeDatabase(clock);
        try (CoroutineScope scope = CoroutineScope.open()) { // ThreadPoolExecutor(max_workers=5)
            for (int i = 0; i < workers; i++) {
                String name = "worker-" + i;
                scope.spawn(() -> {
                    unsafe.update(name);
                    return null;
                });
            }
        }
        out.printf("%s update() without a lock: %d updates, value %d%n", clock.stamp(), workers, unsafe.value);

        clock = LessonClock.start(unit);
        FakeDatabase locked = new FakeDatabase(clock);
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int i = 0; i < workers; i++) {
                String name = "worker-" + i;
                scope.spawn(() -> {
                    locked.lockedUpdate(name);
                    return null;
                });
            }
        }
        out.printf("%s locked_update():      %d updates, value %d%n", clock.stamp(), workers, locked.value);

        LessonClock ownerClock = LessonClock.start(unit);
        Channel<Update> requests = Channel.buffered(workers);
        Coroutine<Integer> owner = Coroutines.spawn("database", () -> {
            int value = 0; // only this coroutine can see it: no lock
            for (Update u : requests) {
                int localCopy = value;
                localCopy += 1;
                ownerClock.sleep(0.1);
                value = localCopy;
                u.reply().send(value);
            }
            return value;
        });
        try (CoroutineScope scope = CoroutineScope.open()) {
            for (int i = 0; i < workers; i++) {
                String name = "worker-" + i;
                scope.spawn(() -> {
                    Channel<Integer> reply = Channel.buffered(1);
                    requests.send(new Update(name, reply));
                    int value = reply.receive(); // the value right after this worker's update
                    out.printf("%s   %s: the owner says the value is now %d%n", ownerClock.stamp(), name, value);
                    return value;
                });
            }
        } finally {
            requests.close();
        }
        int owned = owner.result();
        out.printf("%s an owner coroutine:   %d updates, value %d%n", ownerClock.stamp(), workers, owned);
        return new Result(workers, unsafe.value, locked.value, owned);
    }
}
