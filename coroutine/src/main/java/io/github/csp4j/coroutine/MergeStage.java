package io.github.csp4j.coroutine;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stage behind {@link Pipelines#merge}: fan-in. One forwarder coroutine per input receives
 * from it and sends to the shared output, so each input's order is kept, a slow input never
 * holds up the others, and any {@link ReceiveChannel} works as an input (no select needed). The
 * output is closed when the last forwarder finishes; an input closed with a cause stops the
 * stage at once with that cause (elements the other forwarders hold go to the callback, the
 * other inputs are cancelled). Internal.
 */
final class MergeStage<T> extends Stage<T> {
    private final List<? extends ReceiveChannel<? extends T>> inputs;

    MergeStage(List<? extends ReceiveChannel<? extends T>> inputs, int capacity, Consumer<? super T> onUndelivered) {
        super("csp4j-merge", inputs, 1, capacity, false, onUndelivered);
        this.inputs = inputs;
    }

    @Override
    void work(int index) throws InterruptedException {
        ReceiveChannel<? extends T> in = inputs.get(index);
        Channel<T> out = output();
        while (true) {
            T element;
            try {
                element = in.receive();
            } catch (ChannelClosedException e) {
                Throwable cause = causeOf(e);
                if (cause != null) {
                    stop(cause); // the first failure closes the output with it
                }
                return;
            }
            if (!send(out, element)) {
                return;
            }
        }
    }
}
