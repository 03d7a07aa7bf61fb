package io.github.csp4j.benchmarks.infra;

import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;

/**
 * Starts a coroutine and joins it, for the spawn shape. {@link #create} builds one per
 * implementation name.
 */
public interface Spawner {
    /** Implementation name: {@code Coroutines.spawn(body)} and {@code Coroutine.join()}. */
    String CSP4J = Pipes.CSP4J;
    /** Implementation name: {@code Thread.ofVirtual().start(body)} and {@code Thread.join()}. */
    String VIRTUAL_THREAD = "virtual-thread";

    /** Starts {@code body}; returns the handle that {@link #join} takes. */
    Object spawn(Runnable body);

    /** Waits for the coroutine of {@code handle} to finish. */
    void join(Object handle) throws InterruptedException;

    /** Creates the spawner named {@code impl}: {@value #CSP4J} or {@value #VIRTUAL_THREAD}. */
    static Spawner create(String impl) {
        return switch (impl) {
            case CSP4J -> new Spawner() {
                @Override
                public Object spawn(Runnable body) {
                    return Coroutines.spawn(body);
                }

                @Override
                public void join(Object handle) throws InterruptedException {
                    ((Coroutine<?>) handle).join();
                }
            };
            case VIRTUAL_THREAD -> new Spawner() {
                @Override
                public Object spawn(Runnable body) {
                    return Thread.ofVirtual().start(body);
                }

                @Override
                public void join(Object handle) throws InterruptedException {
                    ((Thread) handle).join();
                }
            };
            default -> throw new IllegalArgumentException("unknown spawn implementation: " + impl);
        };
    }
}
