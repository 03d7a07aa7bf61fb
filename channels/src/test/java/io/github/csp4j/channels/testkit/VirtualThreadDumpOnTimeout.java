package io.github.csp4j.channels.testkit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * On a test timeout, prints a dump of <em>all</em> threads, virtual ones included, before JUnit
 * interrupts the test thread. JUnit's own dump ({@code junit.jupiter.execution.timeout.threaddump.enabled})
 * lists platform threads only, which hides a coroutine parked on a channel: exactly what a hang
 * in this project looks like.
 *
 * <p>The dump comes from {@code com.sun.management.HotSpotDiagnosticMXBean#dumpThreads} (plain
 * text), written to a temporary file and copied to {@code System.out}, framed by marker lines.
 *
 * <p>Registered for every test by {@code META-INF/services/org.junit.jupiter.api.extension.Extension}
 * and {@code junit.jupiter.extensions.autodetection.enabled=true} in
 * {@code junit-platform.properties}; shared with the select module through the channels test-jar.
 * The management API is reached reflectively: the tests of the channels and select modules are
 * patched into named modules that do not read {@code java.management} or {@code jdk.management},
 * and core reflection needs no readability edge.
 */
public final class VirtualThreadDumpOnTimeout implements PreInterruptCallback {
    /** First line of the dump, so that a log can be searched for it. */
    public static final String BEGIN = "==== csp4j: dump of all threads (virtual included) on timeout of ";
    /** Last line of the dump. */
    public static final String END = "==== csp4j: end of thread dump";

    @Override
    public void beforeThreadInterrupt(PreInterruptContext preInterruptContext, ExtensionContext extensionContext) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append(extensionContext.getDisplayName())
                .append(" (").append(extensionContext.getUniqueId()).append("), about to interrupt ")
                .append(preInterruptContext.getThreadToInterrupt()).append('\n');
        try {
            out.append(dumpAllThreads());
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            out.append("(could not dump threads: ").append(e).append(")\n");
        }
        out.append(END).append('\n');
        System.out.print(out);
        System.out.flush();
    }

    /** Returns a plain-text dump of every thread, platform and virtual. */
    public static String dumpAllThreads() throws ReflectiveOperationException, IOException {
        Class<?> beanType = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
        Class<?> formatType = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
        Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
        Object bean = factory.getMethod("getPlatformMXBean", Class.class).invoke(null, beanType);
        Object plainText = formatType.getField("TEXT_PLAIN").get(null);
        Path dir = Files.createTempDirectory("csp4j-thread-dump");
        Path file = dir.resolve("threads.txt"); // dumpThreads refuses to overwrite: a fresh name
        try {
            Method dump = beanType.getMethod("dumpThreads", String.class, formatType);
            dump.invoke(bean, file.toAbsolutePath().toString(), plainText);
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
