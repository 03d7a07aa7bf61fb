package io.github.csp4j.channels;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One channel configuration under test: how to build it and what it should report. Parameterised
 * tests take a {@code ChannelSpec}; its {@link #toString()} is the readable test name.
 *
 * @param name readable name, e.g. {@code buffered(16)/SPSC}
 * @param kind the {@link Channel#kind()} the channel must report
 * @param capacity the buffer size (0 rendezvous, {@link Integer#MAX_VALUE} unbounded)
 * @param overflow what a send does when the buffer is full
 * @param singleProducer whether the single-producer hint is set
 * @param singleConsumer whether the single-consumer hint is set
 */
record ChannelSpec(String name, ChannelKind kind, int capacity, OverflowPolicy overflow,
        boolean singleProducer, boolean singleConsumer) {

    static final int UNBOUNDED = Integer.MAX_VALUE;

    static ChannelSpec rendezvous() {
        return new ChannelSpec("rendezvous", ChannelKind.RENDEZVOUS, 0, OverflowPolicy.BLOCK, false, false);
    }

    static ChannelSpec buffered(int capacity) {
        ChannelKind kind = capacity == 0 ? ChannelKind.RENDEZVOUS : ChannelKind.BUFFERED;
        return new ChannelSpec("buffered(" + capacity + ")", kind, capacity, OverflowPolicy.BLOCK, false, false);
    }

    static ChannelSpec unbounded() {
        return new ChannelSpec("unbounded", ChannelKind.UNBOUNDED, UNBOUNDED, OverflowPolicy.BLOCK, false, false);
    }

    static ChannelSpec conflated() {
        return new ChannelSpec("conflated", ChannelKind.CONFLATED, 1, OverflowPolicy.DROP_OLDEST, false, false);
    }

    static ChannelSpec dropping(int capacity, OverflowPolicy policy) {
        return new ChannelSpec("dropping(" + capacity + "," + policy + ")",
                capacity == 1 && policy == OverflowPolicy.DROP_OLDEST ? ChannelKind.CONFLATED : ChannelKind.DROPPING,
                capacity, policy, false, false);
    }

    /** The same configuration with both single-producer and single-consumer hints. */
    ChannelSpec spsc() {
        return new ChannelSpec(name + "/SPSC", kind, capacity, overflow, true, true);
    }

    /** The same configuration with the single-producer hint. */
    ChannelSpec sp() {
        return new ChannelSpec(name + "/SP", kind, capacity, overflow, true, false);
    }

    /** The same configuration with the single-consumer hint. */
    ChannelSpec sc() {
        return new ChannelSpec(name + "/SC", kind, capacity, overflow, false, true);
    }

    /** Builds the channel through {@link Channel#builder()}, with the given undelivered callback. */
    Channel<Integer> build(Consumer<? super Integer> onUndelivered) {
        ChannelBuilder<Integer> b = Channel.builder();
        if (capacity == UNBOUNDED) {
            b.unbounded();
        } else {
            b.capacity(capacity);
        }
        b.onOverflow(overflow).onUndeliveredElement(onUndelivered);
        if (singleProducer) {
            b.singleProducer();
        }
        if (singleConsumer) {
            b.singleConsumer();
        }
        return b.build();
    }

    /** Builds the channel without a callback, through the static factory where there is one. */
    Channel<Integer> build() {
        if (singleProducer || singleConsumer) {
            return build(e -> { });
        }
        return switch (kind) {
            case RENDEZVOUS -> name.equals("rendezvous") ? Channel.rendezvous() : Channel.buffered(0);
            case BUFFERED -> Channel.buffered(capacity);
            case UNBOUNDED -> Channel.unbounded();
            case CONFLATED -> name.equals("conflated") ? Channel.conflated() : Channel.dropping(capacity, overflow);
            case DROPPING -> Channel.dropping(capacity, overflow);
        };
    }

    /** Whether a send on a full channel waits (rendezvous and buffered), rather than never waiting. */
    boolean sendCanWait() {
        return kind == ChannelKind.RENDEZVOUS || kind == ChannelKind.BUFFERED;
    }

    /** Whether a send may drop elements to the undelivered callback (conflated and dropping). */
    boolean drops() {
        return overflow != OverflowPolicy.BLOCK;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- the parameter sets ---------------------------------------------------------------------

    /** A capacity above {@link Queues#LARGEST_ARRAY}: stored in a linked-chunk queue, not an array. */
    static final int LARGE = Queues.LARGEST_ARRAY + 1;

    /**
     * Every kind and the capacities 0, 1, 2, 16, 1024, {@link #LARGE} and unbounded, conflated,
     * both dropping policies.
     */
    static List<ChannelSpec> all() {
        return List.of(rendezvous(), buffered(0), buffered(1), buffered(2), buffered(16), buffered(1024),
                buffered(LARGE), unbounded(), conflated(),
                dropping(1, OverflowPolicy.DROP_NEWEST), dropping(2, OverflowPolicy.DROP_OLDEST),
                dropping(2, OverflowPolicy.DROP_NEWEST), dropping(16, OverflowPolicy.DROP_OLDEST),
                dropping(16, OverflowPolicy.DROP_NEWEST));
    }

    /** {@link #all()} plus the single-producer / single-consumer hinted variants. */
    static List<ChannelSpec> allWithHints() {
        return Stream.concat(all().stream(), hinted().stream()).toList();
    }

    /** Hinted variants of rendezvous and the buffered kinds. */
    static List<ChannelSpec> hinted() {
        return Stream.of(rendezvous(), buffered(1), buffered(16), buffered(1024), buffered(LARGE), unbounded(), conflated(),
                        dropping(2, OverflowPolicy.DROP_OLDEST), dropping(16, OverflowPolicy.DROP_NEWEST))
                .flatMap(s -> Stream.of(s.spsc(), s.sp(), s.sc()))
                .toList();
    }

    /** Kinds whose send waits when there is no room. */
    static List<ChannelSpec> waitingSend() {
        return all().stream().filter(ChannelSpec::sendCanWait).toList();
    }

    /** Kinds whose send never waits. */
    static List<ChannelSpec> neverWaitingSend() {
        return all().stream().filter(s -> !s.sendCanWait()).toList();
    }

    /** Kinds with a buffer (everything but rendezvous). */
    static List<ChannelSpec> buffering() {
        return all().stream().filter(s -> s.capacity > 0).toList();
    }

    /** Kinds that drop on overflow. */
    static List<ChannelSpec> dropping() {
        return all().stream().filter(ChannelSpec::drops).toList();
    }
}
