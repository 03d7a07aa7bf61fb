package io.github.csp4j.examples;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.SendChannel;
import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.CoroutineScope;
import io.github.csp4j.coroutine.Coroutines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Subprocesses: run several external commands at once and read their output as it comes, as lines
 * on one channel.
 *
 * <p>Ports the notes' "Subprocess" ({@code Popen(..., stdout=PIPE, stderr=PIPE)},
 * {@code communicate()}, {@code returncode}). Three shell commands run at the same time; one
 * coroutine per output stream reads lines and sends them into a single channel, which the main
 * thread prints as they arrive, labelled with the command and the stream. When every reader is
 * done the channel is closed and the loop ends; then the exit codes are collected. The commands
 * pause {@code 0.5 s} between lines, so together they take about 1.5 s, where one after the other
 * they would take 3.5 s.
 */
public final class Subprocesses {
    private Subprocesses() {
    }

    static final double PAUSE = 0.5; // lesson seconds each command sleeps between lines

    /** A command to run: a label and its argument vector. */
    record Command(String name, List<String> argv) {
    }

    /** A line of output: which command, which stream ("out" or "err"), the text, when. */
    record Line(String command, String stream, String text, double at) {
    }

    /** What happened: every line in arrival order, the exit codes, and the lesson seconds it took. */
    record Result(List<Line> lines, Map<String, Integer> exitCodes, double seconds) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static List<Command> commands(LessonClock clock) {
        String pause = String.format(Locale.ROOT, "%.3f", clock.of(PAUSE).toNanos() / 1e9); // seconds, for sleep(1)
        return List.of(
                new Command("count", List.of("sh", "-c", "for i in 1 2 3; do echo $i; sleep " + pause + "; done")),
                new Command("letters", List.of("sh", "-c", "for c in a b c; do echo $c; sleep " + pause + "; done")),
                new Command("fails", List.of("sh", "-c", "echo 'something went wrong' >&2; sleep " + pause
                        + "; exit 3")));
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        List<Command> commands = commands(clock);
        Channel<Line> lines = Channel.buffered(16);

        Coroutine<Map<String, Integer>> runner = Coroutines.spawn("runner", () -> {
            Map<String, Coroutine<Integer>> running = new LinkedHashMap<>();
            try (CoroutineScope scope = CoroutineScope.open()) {
                for (Command command : commands) {
                    out.printf("%s starting %s: %s%n", clock.stamp(), command.name(), command.argv());
                    running.put(command.name(), scope.spawn(command.name(), () -> runCommand(command, lines, clock)));
                }
            } finally {
                lines.close(); // every reader is done: the printing loop below ends
            }
            Map<String, Integer> exitCodes = new LinkedHashMap<>();
            for (var e : running.entrySet()) {
                exitCodes.put(e.getKey(), e.getValue().result());
            }
            return exitCodes;
        });

        List<Line> received = new ArrayList<>();
        for (Line line : lines) { // lines from all the commands, as they come
            received.add(line);
            out.printf("  [%5.2fs] %-7s %s %s%n", line.at(), line.command(), line.stream().equals("err") ? "!" : "|",
                    line.text());
        }
        Map<String, Integer> exitCodes = runner.result();
        double seconds = clock.elapsed();
        exitCodes.forEach((name, code) -> out.printf("  %s: retcode = %d%n", name, code));
        out.printf("  all done after %.2f s; one after the other the pauses alone would take %.2f s%n",
                seconds, 7 * PAUSE);
        return new Result(received, exitCodes, seconds);
    }

    /** Runs one command, sending its output lines into {@code lines}; returns its exit code. */
    static int runCommand(Command command, SendChannel<Line> lines, LessonClock clock)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command.argv()).start();
        try {
            try (CoroutineScope readers = CoroutineScope.open()) {
                readers.spawn(() -> pump(command.name(), "err", process.errorReader(), lines, clock));
                pump(command.name(), "out", process.inputReader(), lines, clock);
            }
            return process.waitFor();
        } finally {
            process.destroyForcibly(); // a no-op once it has exited; stops it if we were interrupted
        }
    }

    /** Reads lines until the stream ends; returns how many. */
    static int pump(String command, String stream, BufferedReader reader, SendChannel<Line> lines, LessonClock clock)
            throws IOException, InterruptedException {
        int count = 0;
        try (reader) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lines.send(new Line(command, stream, text, clock.elapsed()));
                count++;
            }
        }
        return count;
    }
}
