package io.github.csp4j.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tour: runs every example in turn, or the ones named.
 *
 * <pre>
 * mvn -q -pl examples -am process-test-classes exec:exec                       # the whole tour
 * mvn -q -pl examples -am process-test-classes exec:exec -Dexample=list        # the examples, one line each
 * mvn -q -pl examples -am process-test-classes exec:exec -Dexample=gather      # one (or a,b,c), at the real timing
 * </pre>
 *
 * The lessons count in seconds ("sleep 2 s"). The whole tour runs them faster, one lesson second
 * lasting {@link #TOUR_UNIT}, so that it takes well under a minute; an example run by name takes
 * the lesson's real time. Timings are printed in lesson seconds either way.
 */
public final class Tour {
    private Tour() {
    }

    /** How long a lesson second lasts when the whole tour runs. */
    static final Duration TOUR_UNIT = Duration.ofMillis(200);

    /** How long a lesson second lasts when an example is run by name: real time. */
    static final Duration REAL_UNIT = Duration.ofSeconds(1);

    /** An example's entry point: runs it with a lesson second of {@code unit}, printing to {@code out}. */
    @FunctionalInterface
    interface Lesson {
        void run(Duration unit, PrintStream out) throws Exception;
    }

    /** One example: its name on the command line, what it shows, where it comes from, how to run it. */
    record Example(String name, String summary, String source, Class<?> mainClass, Lesson lesson) {
    }

    /** Every example, in tour order. */
    static final List<Example> EXAMPLES = List.of(
            new Example("channels", "a producer and a consumer over a bounded channel; a select with a timeout",
                    "csp4j basics", ChannelDemo.class, ChannelDemo::run),
            new Example("spawning", "three coroutines (sleep 1 s, sleep 2 s, compute) joined after 2 s, not 3",
                    "gevent notes: Spawning", Spawning.class, Spawning::run),
            new Example("handoffs", "foo, bar and baz yield and sleep; the waits decide the order; 5 s, not 6",
                    "gevent notes: foo/bar/baz", CooperativeHandoffs.class, CooperativeHandoffs::run),
            new Example("events", "one setter and five waiters: all wake when the event is set",
                    "gevent notes: Events", Events.class, Events::run),
            new Example("joinall-timeout", "joinAll waits 3 s: three coroutines finished, the two slower ones are cancelled",
                    "gevent notes: joinall(timeout=...)", JoinAllTimeout.class, JoinAllTimeout::run),
            new Example("gather", "upload files and send emails: 8 s of waiting done in 5 s",
                    "asyncio primer: gather", Gather.class, Gather::run),
            new Example("race", "a shared variable loses updates; a coroutine that owns it never does",
                    "gevent notes: Epitaph to Threads", Race.class, Race::run),
            new Example("locks", "FakeDatabase: no lock loses updates; a lock or an owner coroutine does not",
                    "threading notes: Locks", LocksVersusOwner.class, LocksVersusOwner::run),
            new Example("producer-consumer", "3 producers, 2 consumers, a bounded channel: back-pressure, close",
                    "threading notes: Producer-Consumer", ProducerConsumer.class, ProducerConsumer::run),
            new Example("worker-pool", "executor.map as 3 workers over a job channel; results in input order",
                    "threading notes: ThreadPoolExecutor", WorkerPool.class, WorkerPool::run),
            new Example("io-bound", "fetch 20 pages from a local HTTP server: one by one versus all at once",
                    "concurrency notes: I/O-bound", IoBound.class, IoBound::run),
            new Example("cpu-bound", "count primes in 16 chunks: one thread (like the GIL) versus all cores",
                    "concurrency notes: CPU-bound, multiprocessing", CpuBound.class,
                    (unit, out) -> CpuBound.run(CpuBound.LIMIT, out)),
            new Example("subprocesses", "three shell commands at once, their output lines on one channel",
                    "notes: Subprocess", Subprocesses.class, Subprocesses::run),
            new Example("semaphore", "a buffered channel as a counting semaphore: at most 3 at once",
                    "notes: Semaphores", ChannelSemaphore.class, ChannelSemaphore::run),
            new Example("generators", "produce: an infinite generator read lazily by a for-each loop",
                    "asyncio primer: generators", LazyGenerators.class, LazyGenerators::run),
            new Example("prime-sieve", "a chain of filter coroutines, one per prime",
                    "Go classic: concurrent prime sieve", PrimeSieve.class, PrimeSieve::run),
            new Example("ping-pong", "two players pass a ball over one channel",
                    "Go classic: ping-pong", PingPong.class, PingPong::run),
            new Example("fan-in", "merge two talkers with select; closed inputs are disabled",
                    "Go classic: fan-in (Pike)", FanIn.class, FanIn::run),
            new Example("fan-out", "three workers of different speeds share one job channel",
                    "Go classic: fan-out", FanOut.class, FanOut::run),
            new Example("pipeline", "gen -> sq x2 -> merge; closing done stops every stage",
                    "Go classic: pipelines and cancellation", Pipeline.class, Pipeline::run),
            new Example("timeouts", "tick, tick, BOOM; a result waited for 1 s, then 3 s",
                    "Go classics: default selection, timeouts", TimeoutsAndTickers.class, TimeoutsAndTickers::run),
            new Example("quit", "fibonacci until told to quit on another channel",
                    "Go classic: select with a quit channel", QuitChannel.class, QuitChannel::run));

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the tour as the command line asks: nothing, {@code all} or an empty argument for every
     * example, {@code list} for the list, or names separated by commas.
     *
     * @return the exit status: 0, 1 if an example failed, 2 if a name is unknown
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String what = args.length == 0 ? "" : args[0].trim();
        if (what.isEmpty() || what.equals("all")) {
            out.printf("csp4j tour: %d examples. Times are in lesson seconds; in the tour one lesson second"
                    + " lasts %d ms.%n", EXAMPLES.size(), TOUR_UNIT.toMillis());
            out.println("List them with -Dexample=list; run one at its real timing with -Dexample=<name>.");
            return runAll(EXAMPLES, TOUR_UNIT, out, err);
        }
        if (what.equals("list")) {
            list(out);
            return 0;
        }
        List<Example> chosen = new ArrayList<>();
        for (String name : what.split(",")) {
            Optional<Example> example = find(name.trim());
            if (example.isEmpty()) {
                err.printf("Unknown example '%s'. Valid names: %s (or all, or list).%n",
                        name.trim(), String.join(", ", names()));
                return 2;
            }
            chosen.add(example.get());
        }
        out.printf("Times are in lesson seconds; run by name, a lesson second lasts %d ms: the real timing.%n",
                REAL_UNIT.toMillis());
        return runAll(chosen, REAL_UNIT, out, err);
    }

    static void list(PrintStream out) {
        out.println("csp4j examples (run one with -Dexample=<name>, all of them without -Dexample):");
        for (Example e : EXAMPLES) {
            out.printf("  %-18s %s  [%s]%n", e.name(), e.summary(), e.source());
        }
    }

    static List<String> names() {
        return EXAMPLES.stream().map(Example::name).toList();
    }

    static Optional<Example> find(String name) {
        return EXAMPLES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static int runAll(List<Example> examples, Duration unit, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        int i = 0;
        for (Example e : examples) {
            i++;
            out.println();
            out.printf("== %d/%d %s: %s%n", i, examples.size(), e.name(), e.summary());
            out.printf("   (%s; %s)%n", e.source(), e.mainClass().getSimpleName());
            long t0 = System.nanoTime();
            try {
                e.lesson().run(unit, out);
            } catch (Exception | Error x) {
                failed.add(e.name());
                out.flush();
                err.println("!! " + e.name() + " failed:");
                x.printStackTrace(err);
            }
            out.printf("   (%s took %d ms of real time)%n", e.name(), (System.nanoTime() - t0) / 1_000_000);
        }
        out.println();
        out.printf("%d example%s in %.1f s of real time%s%n", examples.size(), examples.size() == 1 ? "" : "s",
                (System.nanoTime() - start) / 1e9, failed.isEmpty() ? "" : "; FAILED: " + failed);
        return failed.isEmpty() ? 0 : 1;
    }
}
