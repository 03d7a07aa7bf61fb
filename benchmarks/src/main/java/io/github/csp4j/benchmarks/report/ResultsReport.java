package io.github.csp4j.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JMH JSON result files (and optionally {@code go test -bench} output) into
 * {@code RESULTS.md} and a chart.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.csp4j.benchmarks.report.ResultsReport \
 *     --md RESULTS.md --png results.png [--go go-bench.txt] [--title TEXT] [--note TEXT] \
 *     [--meta NAME=VALUE]... results/*.json
 * </pre>
 *
 * Each JMH result is one implementation of one shape. Its value is the median of the per-iteration
 * scores of all forks (JMH's raw data), reported with JMH's score ± error (99.9% confidence), the
 * range and, when the run used {@code -prof gc}, {@code gc.alloc.rate.norm} (bytes per element, as
 * every shape's operation is one element). csp4j's ratio is to the best (lowest median) peer; the
 * busy-spinning lower limits are shown but are not peers.
 */
public final class ResultsReport {

    /** One implementation's result in one shape. */
    record Row(String impl, Shapes.Kind kind, double median, double score, double error, double min, double max,
            int samples, double allocPerOp, double coreToCore) {
    }

    /** One shape: its key, description and the rows of its implementations. */
    record Shape(String key, Shapes.Info info, List<Row> rows, Row go) {

        /** The lowest-median peer, or null. */
        Row bestPeer() {
            return rows.stream().filter(r -> r.kind() == Shapes.Kind.PEER)
                    .min(Comparator.comparingDouble(Row::median)).orElse(null);
        }

        /** The lowest-median csp4j flavour, or null. */
        Row bestCsp4j() {
            return rows.stream().filter(r -> r.kind() == Shapes.Kind.CSP4J)
                    .min(Comparator.comparingDouble(Row::median)).orElse(null);
        }

        Row bestFloor() {
            return rows.stream().filter(r -> r.kind() == Shapes.Kind.FLOOR)
                    .min(Comparator.comparingDouble(Row::median)).orElse(null);
        }
    }

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        Path md = null;
        Path png = null;
        Path go = null;
        String title = "csp4j benchmark results";
        String note = null;
        Path analysis = null;
        Map<String, String> meta = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--md" -> md = Path.of(args[++i]);
                case "--png" -> png = Path.of(args[++i]);
                case "--go" -> go = Path.of(args[++i]);
                case "--title" -> title = args[++i];
                case "--note" -> note = args[++i];
                case "--analysis" -> analysis = Path.of(args[++i]);
                case "--meta" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("--meta needs NAME=VALUE, got " + kv);
                    }
                    meta.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    inputs.add(Path.of(a));
                }
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("usage: ResultsReport [--md FILE] [--png FILE] [--go FILE] [--title TEXT] "
                    + "[--note TEXT] [--analysis FILE.md] [--meta NAME=VALUE]... RESULT.json...");
            System.exit(2);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Path p : inputs) {
            String text = Files.readString(p, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                continue;
            }
            for (Object o : Json.array(Json.parse(text))) {
                entries.add(Json.object(o));
            }
        }
        Map<String, List<GoResult>> goResults = go == null || !Files.exists(go) ? Map.of()
                : parseGo(Files.readAllLines(go, StandardCharsets.UTF_8));
        List<Shape> shapes = shapes(entries, goResults);
        String report = markdown(title, note, meta, entries, shapes, !goResults.isEmpty());
        if (analysis != null && Files.isRegularFile(analysis)) {
            // the hand-written reading of these numbers (where csp4j misses, and the profile that shows why)
            report = report + "\n" + Files.readString(analysis).strip() + "\n";
        }
        if (md != null) {
            Files.writeString(md, report, StandardCharsets.UTF_8);
            System.out.println("wrote " + md);
        } else {
            System.out.print(report);
        }
        if (png != null) {
            Chart.write(shapes, title, png);
            System.out.println("wrote " + png);
        }
    }

    // ---------------------------------------------------------------- JMH results

    static List<Shape> shapes(List<Map<String, Object>> entries, Map<String, List<GoResult>> goResults) {
        Map<String, List<Row>> byShape = new LinkedHashMap<>();
        for (Map<String, Object> e : entries) {
            String benchmark = (String) e.get("benchmark");
            int dot = benchmark.lastIndexOf('.');
            String method = benchmark.substring(dot + 1);
            String cls = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
            StringBuilder key = new StringBuilder(cls);
            if (!method.equals("run")) {
                key.append('.').append(method);
            }
            Map<String, Object> params = new TreeMap<>(Json.object(e.get("params")));
            String impl = String.valueOf(params.remove("impl"));
            params.forEach((k, v) -> key.append('/').append(k).append('=').append(v));
            String shapeKey = key.toString();
            Shapes.Info info = Shapes.info(shapeKey);
            Map<String, Object> metric = info.metric() == null ? Json.object(e.get("primaryMetric"))
                    : Json.object(Json.object(e.get("secondaryMetrics")).get(info.metric()));
            Map<String, Object> secondary = Json.object(e.get("secondaryMetrics"));
            Map<String, Object> alloc = Json.object(secondary.get("gc.alloc.rate.norm"));
            List<Double> samples = rawSamples(metric);
            // CoreToCoreProfiler's round trips before and after each iteration, pooled.
            List<Double> coreToCore = rawSamples(Json.object(secondary.get("c2c.before")));
            coreToCore.addAll(rawSamples(Json.object(secondary.get("c2c.after"))));
            coreToCore.sort(null);
            // JMH sums an auxiliary counter over the iterations: its score is not a per-iteration value.
            boolean primary = info.metric() == null;
            Row row = new Row(impl, Shapes.kind(impl), median(samples),
                    primary ? Json.number(metric.get("score")) : Double.NaN,
                    primary ? Json.number(metric.get("scoreError")) : Double.NaN,
                    samples.isEmpty() ? Double.NaN : samples.get(0),
                    samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1), samples.size(),
                    info.metric() == null ? Json.number(alloc.get("score")) : Double.NaN, median(coreToCore));
            byShape.computeIfAbsent(shapeKey, k -> new ArrayList<>()).add(row);
        }
        List<Shape> shapes = new ArrayList<>();
        byShape.forEach((key, rows) -> {
            rows.sort(Comparator.comparingInt(r -> r.kind().ordinal()));
            Shapes.Info info = Shapes.info(key);
            shapes.add(new Shape(key, info, rows, goRow(info, goResults)));
        });
        shapes.sort(Comparator.comparingInt(s -> Shapes.order(s.key())));
        return shapes;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // ---------------------------------------------------------------- Go results

    /** One line of {@code go test -bench} output: benchmark name (without -GOMAXPROCS) and metrics by unit. */
    record GoResult(String name, Map<String, Double> metrics) {
    }

    private static final Pattern GO_LINE = Pattern.compile("^Benchmark(\\S+?)(?:-\\d+)?\\s+\\d+\\s+(.*)$");
    private static final Pattern GO_METRIC = Pattern.compile("([-+0-9.eE]+)\\s+(\\S+)");

    static Map<String, List<GoResult>> parseGo(List<String> lines) {
        Map<String, List<GoResult>> results = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = GO_LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            Matcher mm = GO_METRIC.matcher(m.group(2));
            while (mm.find()) {
                try {
                    metrics.put(mm.group(2), Double.parseDouble(mm.group(1)));
                } catch (NumberFormatException ignored) {
                    // not a metric
                }
            }
            results.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new GoResult(m.group(1), metrics));
        }
        return results;
    }

    /** Every per-iteration value of one JMH metric, all forks, sorted; empty when the metric is absent. */
    private static List<Double> rawSamples(Map<String, Object> metric) {
        List<Double> samples = new ArrayList<>();
        for (Object fork : Json.array(metric.get("rawData"))) {
            for (Object v : Json.array(fork)) {
                samples.add(Json.number(v));
            }
        }
        samples.sort(null);
        return samples;
    }

    private static Row goRow(Shapes.Info info, Map<String, List<GoResult>> goResults) {
        if (info.goName() == null) {
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (GoResult r : goResults.getOrDefault(info.goName(), List.of())) {
            Double v = r.metrics().get(info.goMetric());
            if (v != null) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        return new Row("Go", Shapes.Kind.GO, median(values), Double.NaN, Double.NaN, values.get(0),
                values.get(values.size() - 1), values.size(), Double.NaN, Double.NaN);
    }

    // ---------------------------------------------------------------- Markdown

    private static String markdown(String title, String note, Map<String, String> meta,
            List<Map<String, Object>> entries, List<Shape> shapes, boolean haveGo) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        if (note != null && !note.isBlank()) {
            sb.append("> ").append(note.replace("\n", "\n> ")).append("\n\n");
        }
        sb.append("Generated by `benchmarks/run.sh` (`ResultsReport`) on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(". Do not edit by hand: rerun the script.\n\n");

        sb.append("## Machine and versions\n\n| | |\n|---|---|\n");
        Map<String, Object> first = entries.isEmpty() ? Map.of() : entries.get(0);
        row(sb, "CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (available processors)");
        row(sb, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        row(sb, "JDK", first.getOrDefault("jdkVersion", "?") + " (" + first.getOrDefault("vmName", "?") + " "
                + first.getOrDefault("vmVersion", "?") + ")");
        row(sb, "JMH", first.getOrDefault("jmhVersion", "?") + "; " + jmhOptions(entries));
        row(sb, "Libraries", "jox " + libraryVersion("com.softwaremill.jox", "channels") + ", JCTools "
                + libraryVersion("org.jctools", "jctools-core"));
        for (Map.Entry<String, String> e : meta.entrySet()) {
            row(sb, e.getKey(), e.getValue());
        }
        sb.append('\n');

        sb.append("""
                How to read: every cell is the **median** of the per-iteration scores (all forks), in the \
                shape's unit (lower is better); "± error" is JMH's score ± 99.9% confidence half-width \
                (n/a with fewer than 2 iterations); "alloc" is JMH's `gc.alloc.rate.norm` (bytes allocated \
                per element, all threads, `-prof gc`); "core-to-core ns" is the median of the machine's \
                core-to-core round trips measured before and after each of the implementation's iterations \
                (`infra.CoreToCoreProfiler`: on a VM it moves, and cross-carrier shapes move with it; see \
                ANALYSIS.md). "÷ best peer" divides by the best (lowest median) \
                peer: below 1 is faster. Lower limits (busy-spinning JCTools queues on platform threads, \
                bare parked virtual threads) are shown for scale and are not peers. Blocking \
                implementations run on virtual threads; thread start and join are inside the measurement.

                """);

        sb.append("## Summary\n\n| shape | unit | csp4j | best peer | csp4j ÷ best peer | lower limit |")
                .append(haveGo ? " Go | csp4j ÷ Go |" : "").append('\n');
        sb.append("|---|---|---:|---|---:|---|").append(haveGo ? "---:|---:|" : "").append('\n');
        for (Shape s : shapes) {
            Row c = s.bestCsp4j();
            Row p = s.bestPeer();
            Row f = s.bestFloor();
            sb.append("| ").append(s.info().title()).append(" | ").append(s.info().unit()).append(" | ")
                    .append(c == null ? "–" : "**" + fmt(c.median()) + "**" + (c.impl().equals("csp4j") ? "" : " (" + c.impl() + ")"))
                    .append(" | ").append(p == null ? "–" : fmt(p.median()) + " (" + p.impl() + ")")
                    .append(" | ").append(c == null || p == null ? "–" : ratio(c.median() / p.median()))
                    .append(" | ").append(f == null ? "–" : fmt(f.median()) + " (" + f.impl() + ")")
                    .append(" |");
            if (haveGo) {
                sb.append(' ').append(s.go() == null ? "–" : fmt(s.go().median())).append(" | ")
                        .append(c == null || s.go() == null ? "–" : ratio(c.median() / s.go().median())).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');

        for (Shape s : shapes) {
            sb.append("## ").append(s.info().title()).append("\n\n");
            if (!s.info().description().isEmpty()) {
                sb.append(s.info().description()).append(' ');
            }
            sb.append("Unit: ").append(s.info().unit()).append(".\n\n");
            List<Row> cols = new ArrayList<>(s.rows());
            if (s.go() != null) {
                cols.add(s.go());
            }
            Row best = s.bestPeer();
            sb.append("| |");
            for (Row r : cols) {
                sb.append(' ').append(label(r)).append(" |");
            }
            sb.append("\n|---|");
            sb.append("---:|".repeat(cols.size())).append('\n');
            sb.append("| median |");
            for (Row r : cols) {
                String v = fmt(r.median());
                sb.append(' ').append(r.kind() == Shapes.Kind.CSP4J ? "**" + v + "**" : v).append(" |");
            }
            sb.append("\n| score ± error |");
            for (Row r : cols) {
                sb.append(' ').append(r.kind() == Shapes.Kind.GO || Double.isNaN(r.score()) ? "–"
                        : fmt(r.score()) + " ± " + (Double.isNaN(r.error()) ? "n/a" : fmt(r.error()))).append(" |");
            }
            sb.append("\n| min – max (n) |");
            for (Row r : cols) {
                sb.append(' ').append(fmt(r.min())).append(" – ").append(fmt(r.max()))
                        .append(" (").append(r.samples()).append(") |");
            }
            if (cols.stream().anyMatch(r -> !Double.isNaN(r.allocPerOp()))) {
                sb.append("\n| alloc B/element |");
                for (Row r : cols) {
                    sb.append(' ').append(Double.isNaN(r.allocPerOp()) ? "–" : fmtAlloc(r.allocPerOp())).append(" |");
                }
            }
            if (cols.stream().anyMatch(r -> !Double.isNaN(r.coreToCore()))) {
                sb.append("\n| core-to-core ns |");
                for (Row r : cols) {
                    sb.append(' ').append(Double.isNaN(r.coreToCore()) ? "–" : fmt(r.coreToCore())).append(" |");
                }
            }
            sb.append("\n| ÷ best peer |");
            for (Row r : cols) {
                String v = best == null ? "–" : r == best ? "1 (best peer)" : ratio(r.median() / best.median());
                sb.append(' ').append(r.kind() == Shapes.Kind.CSP4J ? "**" + v + "**" : v).append(" |");
            }
            sb.append("\n\n");
        }
        sb.append("![Median per shape, log scale](results.png)\n");
        return sb.toString();
    }

    private static String label(Row r) {
        return switch (r.kind()) {
            case CSP4J -> "**" + r.impl() + "**";
            case FLOOR -> r.impl() + " (lower limit)";
            case GO -> "Go (reference)";
            case PEER -> r.impl();
        };
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    /** JMH's run options, from the result files (the distinct settings if they differ). */
    private static String jmhOptions(List<Map<String, Object>> entries) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Map<String, Object> e : entries) {
            String mode = String.valueOf(e.get("mode"));
            String o = "-f " + fmtInt(e.get("forks")) + " -wi " + fmtInt(e.get("warmupIterations"))
                    + (mode.equals("ss") ? "" : " -w " + e.get("warmupTime"))
                    + " -i " + fmtInt(e.get("measurementIterations"))
                    + (mode.equals("ss") ? " (single shot)" : " -r " + e.get("measurementTime"));
            seen.merge(o, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        seen.forEach((o, n) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append('`').append(o).append('`').append(seen.size() > 1 ? " (" + n + " results)" : "");
        });
        return sb.toString();
    }

    private static String fmtInt(Object o) {
        double d = Json.number(o);
        return Double.isNaN(d) ? String.valueOf(o) : Long.toString((long) d);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String libraryVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ResultsReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Three significant digits, thousands separated. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmtAlloc(double v) {
        return a(v) < 0.05 ? "0" : String.format(Locale.ROOT, a(v) >= 100 ? "%,.0f" : "%.1f", v);
    }

    private static double a(double v) {
        return Math.abs(v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
