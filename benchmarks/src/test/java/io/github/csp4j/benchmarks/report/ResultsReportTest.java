package io.github.csp4j.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReportTest {

    private static String entry(String benchmark, String params, String raw, double alloc) {
        return """
                {
                  "jmhVersion" : "1.37", "benchmark" : "%s", "mode" : "avgt", "forks" : 1,
                  "jdkVersion" : "25", "vmName" : "VM", "vmVersion" : "25+1",
                  "warmupIterations" : 3, "warmupTime" : "2 s", "measurementIterations" : 5, "measurementTime" : "2 s",
                  "params" : { %s },
                  "primaryMetric" : { "score" : 1.0, "scoreError" : "NaN", "scoreUnit" : "ns/op", "rawData" : [ %s ] },
                  "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : %s, "scoreUnit" : "B/op", "rawData" : [] } }
                }""".formatted(benchmark, params, raw, alloc);
    }

    @Test
    void mediansRatiosGoAndChart(@TempDir Path dir) throws Exception {
        String b = "io.github.csp4j.benchmarks.BufferedSpsc.run";
        String json = "[" + String.join(",",
                entry(b, "\"capacity\" : \"16\", \"impl\" : \"csp4j\"", "[ 90.0, 100.0, 500.0 ]", 0.0),
                entry(b, "\"capacity\" : \"16\", \"impl\" : \"jox\"", "[ 300.0, 200.0 ], [ 250.0 ]", 32.0),
                entry(b, "\"capacity\" : \"16\", \"impl\" : \"ArrayBlockingQueue\"", "[ 400.0 ]", 0.0),
                entry(b, "\"capacity\" : \"16\", \"impl\" : \"jctools-spsc\"", "[ 5.0 ]", 0.0)) + "]";
        Path input = dir.resolve("r.json");
        Files.writeString(input, json);
        Path go = dir.resolve("go.txt");
        Files.writeString(go, """
                goos: linux
                BenchmarkBufferedSpsc/capacity=16-2   	 1000000	        53.0 ns/op	        53.0 ns/elem
                BenchmarkBufferedSpsc/capacity=16-2   	 1000000	        50.0 ns/op	        50.0 ns/elem
                BenchmarkBufferedSpsc/capacity=16-2   	 1000000	        60.0 ns/op	        60.0 ns/elem
                PASS
                """);
        Path md = dir.resolve("RESULTS.md");
        Path png = dir.resolve("results.png");
        ResultsReport.main(new String[] {"--md", md.toString(), "--png", png.toString(), "--go", go.toString(),
                "--note", "smoke", "--meta", "Go=go1.19", input.toString()});

        String text = Files.readString(md);
        assertTrue(text.contains("b. Buffered, 1 producer → 1 consumer, capacity 16"), text);
        // csp4j median 100, best peer jox median 250: ratio 0.40; Go median 53.0
        assertTrue(text.contains("| **100** | 250 (jox) | 0.40× |"), text);
        assertTrue(text.contains("| 53.0 | 1.89× |"), text);
        assertTrue(text.contains("| **csp4j** | jox | ArrayBlockingQueue | jctools-spsc (lower limit) | Go (reference) |"), text);
        assertTrue(text.contains("| Go | go1.19 |"), text);
        assertTrue(text.contains("> smoke"), text);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 500 && image.getHeight() > 100);
    }

    @Test
    void coreToCoreRowPoolsTheRoundTripsBeforeAndAfterEachIteration(@TempDir Path dir) throws Exception {
        String b = "io.github.csp4j.benchmarks.BufferedSpsc.run";
        String profiled = entry(b, "\"capacity\" : \"16\", \"impl\" : \"csp4j\"", "[ 90.0, 100.0, 500.0 ]", 0.0)
                .replace("\"gc.alloc.rate.norm\"", """
                        "c2c.before" : { "score" : 1.0, "scoreUnit" : "ns", "rawData" : [ [ 30.0, 70.0, 480.0 ] ] },
                        "c2c.after" : { "score" : 1.0, "scoreUnit" : "ns", "rawData" : [ [ 32.0, 75.0, 460.0 ] ] },
                        "gc.alloc.rate.norm\"""");
        String json = "[" + String.join(",", profiled,
                entry(b, "\"capacity\" : \"16\", \"impl\" : \"jox\"", "[ 300.0 ]", 32.0)) + "]";
        Path input = dir.resolve("r.json");
        Files.writeString(input, json);
        Path md = dir.resolve("RESULTS.md");
        ResultsReport.main(new String[] {"--md", md.toString(), input.toString()});

        String text = Files.readString(md);
        // csp4j: the median of 30, 32, 70, 75, 460, 480 is (70 + 75) / 2; jox ran without the profiler
        assertTrue(text.contains("| core-to-core ns | 72.5 | – |"), text);
    }

    @Test
    void goOutputParsing() {
        Map<String, List<ResultsReport.GoResult>> r = ResultsReport.parseGo(List.of(
                "BenchmarkMillionParked-2  1  17243736246 ns/op  2680 B/coroutine  17244 ns/elem",
                "BenchmarkSpawn   226700   5494 ns/op   5494 ns/elem",
                "ok  \tgithub.com/x 34.490s"));
        assertEquals(2680.0, r.get("MillionParked").get(0).metrics().get("B/coroutine"));
        assertEquals(5494.0, r.get("Spawn").get(0).metrics().get("ns/elem"));
        assertEquals(2, r.size());
    }

    @Test
    void medianOfSortedSamples() {
        assertEquals(2.0, ResultsReport.median(List.of(1.0, 2.0, 9.0)));
        assertEquals(2.5, ResultsReport.median(List.of(1.0, 2.0, 3.0, 9.0)));
        assertTrue(Double.isNaN(ResultsReport.median(List.of())));
    }

    @Test
    void jsonReader() {
        Object o = Json.parse("{\"a\" : [1, 2.5e1, \"NaN\", true, null], \"b\" : \"x\\\"y\\u0041\"}");
        Map<String, Object> m = Json.object(o);
        assertEquals(25.0, Json.number(Json.array(m.get("a")).get(1)));
        assertTrue(Double.isNaN(Json.number(Json.array(m.get("a")).get(2))));
        assertEquals("x\"yA", m.get("b"));
    }
}
