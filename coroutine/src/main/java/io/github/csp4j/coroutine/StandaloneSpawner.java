package io.github.csp4j.coroutine;

import io.github.csp4j.channels.ReceiveChannel;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Spawns coroutines that no scope owns, with a given launcher. Internal; obtained from
 * {@link Coroutines}.
 */
final class StandaloneSpawner implements Spawner {
    static final StandaloneSpawner VIRTUAL = new StandaloneSpawner(Launcher.VIRTUAL);

    private final Launcher launcher;

    StandaloneSpawner(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public <T> Coroutine<T> spawn(Callable<? extends T> body) {
        return start(new CoroutineTask<>(null, Objects.requireNonNull(body, "body"), null));
    }

    @Override
    public <T> Coroutine<T> spawn(String name, Callable<? extends T> body) {
        Objects.requireNonNull(name, "name");
        return start(new CoroutineTask<>(name, Objects.requireNonNull(body, "body"), null));
    }

    @Override
    public Coroutine<Void> spawn(Runnable body) {
        return start(new CoroutineTask<>(null, Objects.requireNonNull(body, "body"), null));
    }

    @Override
    public Coroutine<Void> spawn(String name, Runnable body) {
        Objects.requireNonNull(name, "name");
        return start(new CoroutineTask<>(name, Objects.requireNonNull(body, "body"), null));
    }

    @Override
    public <T> ReceiveChannel<T> produce(Generator<T> generator) {
        return produce(0, generator);
    }

    @Override
    public <T> ReceiveChannel<T> produce(int capacity, Generator<T> generator) {
        return Generators.produce(capacity, generator, body -> new CoroutineTask<>(null, body, null), this::start);
    }

    private <T> CoroutineTask<T> start(CoroutineTask<T> task) {
        try {
            launcher.launch(task);
        } catch (Throwable e) {
            task.failLaunch(e);
            throw e;
        }
        return task;
    }

    @Override
    public String toString() {
        return "Spawner[" + launcher + "]";
    }
}
