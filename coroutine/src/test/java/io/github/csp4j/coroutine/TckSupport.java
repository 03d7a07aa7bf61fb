package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.tck.TestEnvironment;

/** Shared set-up of the Reactive Streams TCK classes (run by the TestNG engine). */
final class TckSupport {
    private TckSupport() {
    }

    /** Signals must arrive within this (generous: the machine is shared). */
    static final long TIMEOUT_MILLIS = 1_000;
    /** How long "no signal" is checked for. */
    static final long NO_SIGNALS_MILLIS = 100;
    /** How long a cancelled subscriber may stay referenced (rule 3.13). */
    static final long GC_TIMEOUT_MILLIS = 2_000;

    static TestEnvironment environment() {
        return new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS);
    }

    /** Standalone virtual-thread coroutines: the TCK knows nothing of scopes. */
    static final Spawner SPAWNER = Coroutines.spawner(Thread.ofVirtual().name("tck-", 0).factory());

    /** Channels a test made; cancelled after each test so that no coroutine outlives it. */
    static final class Made {
        private final List<ReceiveChannel<?>> channels = new CopyOnWriteArrayList<>();

        <C extends ReceiveChannel<?>> C add(C channel) {
            channels.add(channel);
            return channel;
        }

        void cancelAll() {
            channels.forEach(ReceiveChannel::cancel);
            channels.clear();
        }
    }
}
