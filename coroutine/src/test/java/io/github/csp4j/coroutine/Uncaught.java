package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** Test helper: threads whose uncaught-exception handler records into a channel. */
final class Uncaught {
    final Channel<Throwable> reported = Channel.unbounded();
    final ThreadFactory virtual = Thread.ofVirtual()
            .uncaughtExceptionHandler((t, e) -> reported.trySend(e)).factory();
    final ThreadFactory platform = Thread.ofPlatform().daemon(true)
            .uncaughtExceptionHandler((t, e) -> reported.trySend(e)).factory();

    /** The next reported failure, waiting at most 10 s; null if none. */
    Throwable next() throws InterruptedException {
        return reported.receive(Duration.ofSeconds(10));
    }

    /** Whatever was reported so far, without waiting; null if none. */
    Throwable poll() {
        return reported.tryReceive().valueOrNull();
    }
}
