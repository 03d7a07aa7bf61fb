package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code produce}: a coroutine that runs a {@link Generator} into a channel, and the channel's
 * receiving end that stops it. Internal; the public entry points are
 * {@link Coroutines#produce(int, Generator)} and {@link CoroutineScope#produce(int, Generator)}.
 *
 * <pre>
 * Implementation notes.
 *
 * The coroutine is created, a completion listener is subscribed, and only then is it started.
 * The listener closes the channel however the coroutine ended: plainly when the generator
 * returned, with the failure when it threw, with a CancellationException (cause: what the
 * generator threw when it stopped) when it was cancelled, even before it started (spawned into a
 * cancelled scope). So a consumer never waits on a generator that is gone. The listener answers
 * "taken" for the failure: it travels through the channel and is not also sent to the
 * uncaught-exception handler (a scope that owns the generator still sees it). The consumer's
 * cancel() cancels the coroutine first (an interrupt: a generator blocked in send, or elsewhere,
 * stops and keeps its element), then the channel (later sends fail at once). In that order, a
 * generator that stops because its send failed on the cancelled channel is already marked
 * cancelled, so the ChannelClosedException it throws is never taken for a failure of the scope.
 * </pre>
 */
final class Generators {
    private Generators() {
    }

    /**
     * @param create creates the task around a body, registered with its spawner, not started
     * @param start launches it
     */
    static <T> ReceiveChannel<T> produce(int capacity, Generator<T> generator,
            Function<Callable<Void>, CoroutineTask<Void>> create, Consumer<CoroutineTask<Void>> start) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        Objects.requireNonNull(generator, "generator");
        Channel<T> channel = Channel.buffered(capacity);
        CoroutineTask<Void> task = create.apply(() -> {
            generator.generate(channel.sendEnd());
            return null;
        });
        task.subscribe(c -> {
            switch (c.rawState()) {
                case CoroutineTask.SUCCEEDED -> channel.close();
                case CoroutineTask.FAILED -> channel.close(c.failureNow());
                default -> channel.close(c.cancellationException());
            }
            return true;
        });
        start.accept(task);
        return new ChannelView<>(channel, () -> {
            task.cancel(); // first: from here on the generator's exit counts as cancelled, not failed
            return channel.cancel();
        }, "generator ");
    }
}
