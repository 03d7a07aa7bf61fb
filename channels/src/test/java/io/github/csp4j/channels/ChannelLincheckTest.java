package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lincheck: the non-blocking operations {@code trySend}, {@code tryReceive}, {@code close} and
 * {@code cancel} are linearizable against the sequential {@link ChannelModel}, for
 * {@code buffered(1)}, {@code buffered(2)}, rendezvous, unbounded and conflated channels.
 *
 * <ul>
 *   <li>{@link #stress}: random scenarios on real parallel platform threads.</li>
 *   <li>{@link #modelChecking}: random scenarios whose interleavings Lincheck explores
 *       systematically (switching threads at every shared-memory access).</li>
 *   <li>{@link #cancelIsAtomic} and {@link #conflatedSendNeverShowsAnEmptyChannel}: the
 *       smallest scenarios that expose a violation, pinned so that they are always explored.</li>
 *   <li>{@link #rendezvousCloseNeverHidesAWaitingSender}: Lincheck's general-purpose model
 *       checker on a blocking sender racing a close and a receive.</li>
 * </ul>
 * Results are compared as strings ({@code SENT}, {@code Value(1)}, {@code Closed}, ...).
 * Iteration counts are sized for CI (a few seconds per configuration).
 */
class ChannelLincheckTest {

    /** The concurrent operations on a real channel; one subclass per configuration. */
    @Param(name = "e", gen = IntGen.class, conf = "1:4")
    public abstract static class Ops {
        private final Channel<Integer> ch;

        Ops(ChannelSpec spec) {
            ch = spec.build();
        }

        @Operation
        public String trySend(@Param(name = "e") int e) {
            return ch.trySend(e).name();
        }

        @Operation
        public String tryReceive() {
            return ch.tryReceive().toString();
        }

        @Operation
        public boolean close() {
            return ch.close();
        }

        @Operation
        public boolean cancel() {
            return ch.cancel();
        }
    }

    /** The same operations on the sequential model; one subclass per configuration. */
    public abstract static class Model {
        private final ChannelModel m;

        Model(ChannelSpec spec) {
            m = new ChannelModel(spec);
        }

        public String trySend(int e) {
            return m.trySend(e).name();
        }

        public String tryReceive() {
            return m.tryReceive().toString();
        }

        public boolean close() {
            return m.close();
        }

        public boolean cancel() {
            return m.cancel();
        }
    }

    // Lincheck instantiates classes through their no-argument constructors: one pair per configuration.

    public static final class Buffered1 extends Ops {
        public Buffered1() {
            super(ChannelSpec.buffered(1));
        }
    }

    public static final class Buffered1Model extends Model {
        public Buffered1Model() {
            super(ChannelSpec.buffered(1));
        }
    }

    public static final class Buffered2 extends Ops {
        public Buffered2() {
            super(ChannelSpec.buffered(2));
        }
    }

    public static final class Buffered2Model extends Model {
        public Buffered2Model() {
            super(ChannelSpec.buffered(2));
        }
    }

    public static final class Rendezvous extends Ops {
        public Rendezvous() {
            super(ChannelSpec.rendezvous());
        }
    }

    public static final class RendezvousModel extends Model {
        public RendezvousModel() {
            super(ChannelSpec.rendezvous());
        }
    }

    public static final class Unbounded extends Ops {
        public Unbounded() {
            super(ChannelSpec.unbounded());
        }
    }

    public static final class UnboundedModel extends Model {
        public UnboundedModel() {
            super(ChannelSpec.unbounded());
        }
    }

    public static final class Conflated extends Ops {
        public Conflated() {
            super(ChannelSpec.conflated());
        }
    }

    public static final class ConflatedModel extends Model {
        public ConflatedModel() {
            super(ChannelSpec.conflated());
        }
    }

    /** The configurations under test. */
    enum Target {
        BUFFERED_1(Buffered1.class, Buffered1Model.class),
        BUFFERED_2(Buffered2.class, Buffered2Model.class),
        RENDEZVOUS(Rendezvous.class, RendezvousModel.class),
        UNBOUNDED(Unbounded.class, UnboundedModel.class),
        CONFLATED(Conflated.class, ConflatedModel.class);

        final Class<? extends Ops> ops;
        final Class<? extends Model> model;

        Target(Class<? extends Ops> ops, Class<? extends Model> model) {
            this.ops = ops;
            this.model = model;
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    @Timeout(60)
    void stress(Target t) {
        new StressOptions()
                .sequentialSpecification(t.model)
                .iterations(10)
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(3)
                .check(t.ops);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    @Timeout(60)
    void modelChecking(Target t) {
        new ModelCheckingOptions()
                .sequentialSpecification(t.model)
                .iterations(5)
                .invocationsPerIteration(30)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .check(t.ops);
    }

    /**
     * {@code cancel()} must be atomic: once a thread has seen the channel closed (its
     * {@code trySend} returned CLOSED because of the cancel), a later {@code tryReceive} of that
     * same thread must not still get a buffered element, which the cancel discards; and a
     * {@code tryReceive} that overlaps the cancel gets the oldest element or "closed", never a
     * younger element while the older one is discarded.
     * <pre>
     *   init:      trySend(1)
     *   thread 1:  cancel()             thread 2:  trySend(2); tryReceive()
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"BUFFERED_1", "UNBOUNDED"})
    @Timeout(60)
    void cancelIsAtomic(Target t) {
        checkScenario(t, new ExecutionScenario(
                List.of(actor("trySend", 1)),
                List.of(List.of(actor("cancel")), List.of(actor("trySend", 2), actor("tryReceive"))),
                List.of(),
                null));
    }

    /**
     * A conflated channel that holds an element always holds one while elements are only sent:
     * a {@code tryReceive} concurrent with a replacing {@code trySend} gets the old or the new
     * element, never "empty".
     * <pre>
     *   init:      trySend(1)
     *   thread 1:  trySend(2)           thread 2:  tryReceive()
     *   post:      tryReceive()
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(value = Target.class, names = "CONFLATED")
    @Timeout(60)
    void conflatedSendNeverShowsAnEmptyChannel(Target t) {
        checkScenario(t, new ExecutionScenario(
                List.of(actor("trySend", 1)),
                List.of(List.of(actor("trySend", 2)), List.of(actor("tryReceive"))),
                List.of(actor("tryReceive")),
                null));
    }

    /** Publishes the channel of a {@link #rendezvousCloseNeverHidesAWaitingSender} run to Lincheck. */
    static volatile Channel<Integer> shared;

    /**
     * General-purpose model checking ({@link Lincheck#runConcurrentTest}) of a rendezvous channel
     * with a blocking sender: a sender that is waiting when {@code close()} runs is still
     * delivered, so a receive must never report "closed" while that sender waits.
     * <pre>
     *   thread 1:  send(1)      thread 2:  close()      main:  tryReceive(); join(thread 2); receiveCatching()
     * </pre>
     * If the first receive reports "closed", the channel was closed with no sender waiting, so
     * the send must have failed and the second receive must report "closed" as well.
     */
    @Test
    @Timeout(60)
    void rendezvousCloseNeverHidesAWaitingSender() {
        Lincheck.runConcurrentTest(200, () -> {
            Channel<Integer> ch = Channel.rendezvous();
            shared = ch; // lets Lincheck see that the channel is shared by the threads below
            AtomicReference<String> sendOutcome = new AtomicReference<>("running");
            Thread sender = new Thread(() -> {
                try {
                    ch.send(1);
                    sendOutcome.set("sent");
                } catch (ChannelClosedException | InterruptedException e) {
                    sendOutcome.set("failed: " + e);
                }
            });
            Thread closer = new Thread(ch::close);
            sender.start();
            closer.start();
            ReceiveResult<Integer> first = ch.tryReceive();
            joinUninterruptibly(closer);
            ReceiveResult<Integer> second = receiveCatchingUninterruptibly(ch);
            joinUninterruptibly(sender);
            String trace = "tryReceive=" + first + ", receiveCatching=" + second + ", send " + sendOutcome.get();
            if (first.isClosed()) {
                assertTrue(second.isClosed(), "receive saw Closed while a sender was still waiting: " + trace);
            }
            assertEquals(sendOutcome.get().equals("sent"), first.isValue() || second.isValue(), trace);
        });
    }

    private static void joinUninterruptibly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static ReceiveResult<Integer> receiveCatchingUninterruptibly(Channel<Integer> ch) {
        try {
            return ch.receiveCatching();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void checkScenario(Target t, ExecutionScenario scenario) {
        new ModelCheckingOptions()
                .sequentialSpecification(t.model)
                .iterations(0)
                .invocationsPerIteration(150)
                .minimizeFailedScenario(false)
                .addCustomScenario(scenario)
                .check(t.ops);
    }

    private static Actor actor(String operation, Object... args) {
        Method m = Arrays.stream(Ops.class.getDeclaredMethods())
                .filter(x -> x.getName().equals(operation))
                .findFirst()
                .orElseThrow();
        return new Actor(m, List.of(args));
    }
}
