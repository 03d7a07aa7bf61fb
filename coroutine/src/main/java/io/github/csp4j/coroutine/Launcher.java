package io.github.csp4j.coroutine;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;

/**
 * How a coroutine gets a thread: a new thread from a {@link ThreadFactory} (by default a virtual
 * thread), or a task submitted to an {@link Executor}. Internal.
 */
abstract class Launcher {
    /** One virtual thread per coroutine: the default. */
    static final Launcher VIRTUAL = new FactoryLauncher(Thread.ofVirtual().factory(), "virtual threads");

    /** Starts {@code task} on a thread. */
    abstract void launch(CoroutineTask<?> task);

    static Launcher of(ThreadFactory factory) {
        return new FactoryLauncher(Objects.requireNonNull(factory, "threadFactory"), factory.toString());
    }

    static Launcher of(Executor executor) {
        return new ExecutorLauncher(Objects.requireNonNull(executor, "executor"));
    }

    /** A thread per coroutine; a given name becomes the thread's name. */
    private static final class FactoryLauncher extends Launcher {
        private final ThreadFactory factory;
        private final String description;

        FactoryLauncher(ThreadFactory factory, String description) {
            this.factory = factory;
            this.description = description;
        }

        @Override
        void launch(CoroutineTask<?> task) {
            Thread t = factory.newThread(task);
            if (t == null) {
                throw new RejectedExecutionException("thread factory returned no thread: " + factory);
            }
            String name = task.nameOrNull();
            if (name != null) {
                t.setName(name);
            }
            t.start();
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * A task per coroutine. While a named coroutine runs, the pooled thread carries its name
     * (restored afterwards), so that it shows in thread dumps.
     */
    private static final class ExecutorLauncher extends Launcher {
        private final Executor executor;

        ExecutorLauncher(Executor executor) {
            this.executor = executor;
        }

        @Override
        void launch(CoroutineTask<?> task) {
            String name = task.nameOrNull();
            if (name == null) {
                executor.execute(task);
                return;
            }
            executor.execute(() -> {
                Thread t = Thread.currentThread();
                String old = t.getName();
                t.setName(name);
                try {
                    task.run();
                } finally {
                    t.setName(old);
                }
            });
        }

        @Override
        public String toString() {
            return executor.toString();
        }
    }
}
