package io.github.csp4j.examples;

import io.github.csp4j.coroutine.Coroutines;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * gather: run two jobs at once and collect their results in order.
 *
 * <p>Ports the asyncio primer's upload-files/send-emails program. {@code upload_files} waits 1 s
 * and then 4 s, {@code send_emails} waits 3 s. One after the other they take 8 s; started together
 * and gathered ({@code asyncio.gather}, {@link Coroutines#gather}) they take 5 s: the emails go out
 * while the files upload. Unlike asyncio, the bodies need no {@code async}/{@code await}: they are
 * ordinary blocking methods, run on coroutines.
 */
public final class Gather {
    private Gather() {
    }

    /** What happened: lesson seconds one after the other, and gathered, and the results. */
    record Result(double sequential, double gathered, List<String> results) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        out.println("  -- one after the other (the synchronous program)");
        LessonClock clock = LessonClock.start(unit);
        out.println(clock.stamp() + " STARTED");
        uploadFiles(clock, out);
        sendEmails(clock, out);
        double sequential = clock.elapsed();
        out.printf("%s FINISHED after %.2f s%n", clock.stamp(), sequential);

        out.println("  -- together, with gather");
        LessonClock clock2 = LessonClock.start(unit);
        out.println(clock2.stamp() + " STARTED");
        List<String> results = Coroutines.gather(
                Coroutines.spawn(() -> uploadFiles(clock2, out)),
                Coroutines.spawn(() -> sendEmails(clock2, out)));
        double gathered = clock2.elapsed();
        out.printf("%s FINISHED after %.2f s with %s%n", clock2.stamp(), gathered, results);
        out.printf("  together the jobs took %.2f s (the longer job is 5 s) instead of %.2f s (1 + 4 + 3)%n",
                gathered, sequential);
        return new Result(sequential, gathered, results);
    }

    static String uploadFiles(LessonClock clock, PrintStream out) throws InterruptedException {
        out.println(clock.stamp() + " Preparing files...");
        clock.sleep(1); // simulating time spent to do the operation
        out.println(clock.stamp() + " Files prepared.");
        clock.sleep(4);
        out.println(clock.stamp() + " Files uploaded.");
        return "files uploaded";
    }

    static String sendEmails(LessonClock clock, PrintStream out) throws InterruptedException {
        out.println(clock.stamp() + " Sending emails...");
        clock.sleep(3);
        out.println(clock.stamp() + " Emails sent...");
        return "emails sent";
    }
}
