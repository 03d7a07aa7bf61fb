package io.github.csp4j.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report knows about each shape: its order, title and unit, and which Go benchmark is its
 * reference. A shape's key is the benchmark class's simple name, then {@code .method} when the
 * method is not {@code run}, then {@code /name=value} for each parameter other than {@code impl}
 * (sorted by name); the Go benchmark of the same shape has the same name after {@code Benchmark}
 * (e.g. {@code BenchmarkBufferedSpsc/capacity=16}).
 */
final class Shapes {

    /**
     * One shape.
     *
     * @param title the table heading
     * @param unit what one score counts
     * @param description one sentence under the heading
     * @param metric the JMH metric that is the result: {@code null} for the primary (time) metric,
     *     otherwise the name of a secondary metric
     * @param goName the Go benchmark name of the reference, or null for none
     * @param goMetric the unit of the Go metric to read
     */
    record Info(String title, String unit, String description, String metric, String goName, String goMetric) {
    }

    static final String NS_PER_ELEMENT = "ns per element";
    private static final Map<String, Info> KNOWN = new LinkedHashMap<>();

    static {
        add("RendezvousHandoff", "a. Rendezvous handoff, 1 producer → 1 consumer", NS_PER_ELEMENT,
                "1,000,000 elements through a channel of capacity 0; one slot polled by two spinning "
                        + "platform threads (spin-slot) is the lower limit.");
        add("PingPong", "a′. Ping-pong over two rendezvous channels", "ns per round trip",
                "1,000,000 round trips (two handoffs each); spin-slot is the lower limit.");
        for (String cap : new String[] {"16", "100", "1024"}) {
            add("BufferedSpsc/capacity=" + cap, "b. Buffered, 1 producer → 1 consumer, capacity " + cap,
                    NS_PER_ELEMENT, "The buffered fast path; JCTools SpscArrayQueue with busy-spinning "
                            + "platform threads is the lower limit.");
        }
        add("BufferedMpmc", "c. Buffered, 4 producers × 4 consumers, capacity 1024", NS_PER_ELEMENT,
                "1,000,000 elements in all; JCTools MpmcArrayQueue with 8 spinning platform threads is the lower limit.");
        add("Unbounded", "d. Unbounded, 1 producer → 1 consumer", NS_PER_ELEMENT,
                "The producer never waits; JCTools SpscUnboundedArrayQueue (busy spin) is the lower limit.");
        add("SelectTwo/capacity=0", "e. Select over two rendezvous channels", "ns per select",
                "Two producers, one per channel; one consumer selects 1,000,000 times.");
        add("SelectTwo/capacity=16", "e. Select over two channels of capacity 16", "ns per select",
                "Two producers, one per channel; one consumer selects 1,000,000 times.");
        add("ChainRendezvous", "f. Chain of 10,000 coroutines, capacity 0", "ns per hop",
                "100 values down 10,000 stages = 1,000,000 hops, 10,002 virtual threads started and joined.");
        add("ChainBuffered", "f. Chain of 10,000 coroutines, capacity 16", "ns per hop",
                "100 values down 10,000 stages = 1,000,000 hops, 10,002 virtual threads started and joined.");
        add("ParallelPairs", "g. 10,000 parallel producer/consumer pairs, capacity 16", NS_PER_ELEMENT,
                "100 elements per pair, 20,000 virtual threads.");
        add("Spawn", "h. Spawn and join 100,000 coroutines", "ns per coroutine", "Empty body.");
        add("MillionParked", "i. One million coroutines parked on channels: time", "ns per coroutine",
                "Spawn 1,000,000 virtual threads, each parks in a receive on its own rendezvous channel; "
                        + "then wake each with one element and join. vt-park (bare LockSupport.park) is the floor.");
        KNOWN.put("MillionParked.heap", new Info("i′. One million coroutines parked on channels: memory",
                "bytes per parked coroutine",
                "Heap held while all 1,000,000 are parked (after a full GC), per coroutine, channel included.",
                "bytesPerCoroutine", "MillionParked", "B/coroutine"));
        add("ParallelMap", "j. Ordered parallel map, 1,000,000 tasks on 8 workers", "ns per task",
                "csp4j: Pipelines.parallelMap with 8 workers, channels of 256; csp4j-inline: the same by hand "
                        + "(job channel, 8 worker virtual threads, reordering by index); peers: a fixed pool of 8 "
                        + "with one Future per task (jox 1.0.1's channels artifact has no parallel map).");
    }

    private Shapes() {
    }

    private static void add(String key, String title, String unit, String description) {
        KNOWN.put(key, new Info(title, unit, description, null, key, "ns/elem"));
    }

    /** The known shape, or a generic description for a shape the report does not know. */
    static Info info(String key) {
        Info info = KNOWN.get(key);
        return info != null ? info : new Info(key, "ns per operation", "", null, key, "ns/elem");
    }

    /** The position of a shape in the report: known shapes in their order, unknown ones after. */
    static int order(String key) {
        int i = 0;
        for (String k : KNOWN.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    /** Kind of an implementation name. */
    enum Kind { CSP4J, PEER, FLOOR, GO }

    static Kind kind(String impl) {
        if (impl.startsWith("csp4j")) {
            return Kind.CSP4J;
        }
        if (impl.startsWith("jctools") || impl.equals("vt-park") || impl.equals("spin-slot")) {
            return Kind.FLOOR;
        }
        return Kind.PEER;
    }
}
