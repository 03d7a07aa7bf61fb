package io.github.csp4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What an example printed: kept for the assertions, and echoed to the test's output. */
final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream;

    Output() {
        PrintStream console = System.out;
        OutputStream tee = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                bytes.write(b);
                console.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
                console.write(b, off, len);
            }
        };
        stream = new PrintStream(tee, true, StandardCharsets.UTF_8);
    }

    /** The stream to hand to the example. */
    PrintStream out() {
        return stream;
    }

    String text() {
        stream.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return text().lines().toList();
    }

    /** The index of the first line containing {@code fragment}; fails if there is none. */
    int indexOf(String fragment) {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line contains '" + fragment + "' in:\n" + text());
    }

    /** Reports a measurement in the test output (for things that are shown, not asserted). */
    static void report(String what, Object... args) {
        System.out.printf("REPORT " + what + "%n", args);
    }
}
