package io.github.csp4j.channels.spi;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A channel's lock: a {@link ReentrantLock} that spins briefly before it queues. Internal.
 *
 * <p>Critical sections on a channel are a few dozen instructions (link a node, claim a waiter,
 * move one element), so a contended lock is usually free again within a few hundred
 * nanoseconds. {@code ReentrantLock} parks a contended thread at once, and waking a parked
 * virtual thread costs microseconds; a short bounded spin first avoids that. The spin is skipped
 * on a single CPU and always ends in the normal, parking acquisition.
 */
public final class ChannelLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 128 : 0;

    @Override
    public void lock() {
        if (tryLock()) {
            return;
        }
        for (int i = SPINS; i > 0; i--) {
            Thread.onSpinWait();
            if (!isLocked() && tryLock()) {
                return;
            }
        }
        super.lock();
    }
}
