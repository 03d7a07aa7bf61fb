package io.github.csp4j.coroutine;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread that all timers, tickers and scope deadlines share: a
 * {@link ScheduledThreadPoolExecutor} with a single daemon platform thread, so that a million
 * pending timers are a million queue entries, not a million threads. Internal.
 *
 * <p>Cancelled tasks are removed from the queue at once ({@code removeOnCancelPolicy}), so a
 * stopped ticker or a closed scope leaves nothing behind. The thread exits after a second without
 * work and is started again on demand. Tasks run here must be short and must not block: they are
 * non-blocking channel sends, or they hand their work to a virtual thread.
 */
final class Scheduler {
    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private Scheduler() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("csp4j-timer").daemon(true).factory());
        e.setRemoveOnCancelPolicy(true);
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        e.setKeepAliveTime(1, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** Runs {@code task} once after {@code delayNanos} (saturated far in the future). */
    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} every {@code periodNanos}, first after one period. */
    static ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long periodNanos) {
        return EXECUTOR.scheduleAtFixedRate(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** The number of tasks waiting in the queue (for tests and monitoring). */
    static int pendingTasks() {
        return EXECUTOR.getQueue().size();
    }
}
