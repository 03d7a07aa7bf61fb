package io.github.csp4j.examples;

import static io.github.csp4j.select.Select.onDefault;
import static io.github.csp4j.select.Select.onReceive;
import static io.github.csp4j.select.Select.onTimeout;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.coroutine.Ticker;
import io.github.csp4j.coroutine.Timers;
import io.github.csp4j.select.Select;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Timeouts and tickers with select: time is just another channel.
 *
 * <p>Two Go classics. The Go tour's "Default Selection": a ticker ticks every 0.1 s, a timer goes
 * off at 0.5 s, and a select loop prints "tick." or "BOOM!", or, when neither is ready, takes the
 * default branch, prints a dot and sleeps 0.05 s. Then Go by Example's "Timeouts": a result that
 * comes after 2 s, waited for 1 s ({@code onTimeout} clause: "timeout 1"), and another waited for
 * 3 s ({@code Timers.after} as a channel: "result 2").
 */
public final class TimeoutsAndTickers {
    private TimeoutsAndTickers() {
    }

    /** What happened: ticks seen before the boom, and the two timeout outcomes. */
    record Result(int ticks, boolean boom, String first, String second) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        int ticks = 0;
        boolean boom = false;
        try (Ticker tick = Timers.ticker(clock.of(0.1))) { // time.Tick(100 * time.Millisecond)
            ReceiveChannel<Instant> boomTimer = Timers.after(clock.of(0.5)); // time.After(500 * time.Millisecond)
            while (!boom) {
                String what = Select.select(
                        onReceive(tick.channel(), t -> "tick."),
                        onReceive(boomTimer, t -> "BOOM!"),
                        onDefault(() -> "    ."));
                out.println(clock.stamp() + " " + what);
                switch (what) {
                    case "tick." -> ticks++;
                    case "BOOM!" -> boom = true;
                    default -> clock.sleep(0.05);
                }
            }
        }

        LessonClock clock2 = LessonClock.start(unit);
        Channel<String> c1 = Channel.buffered(1); // buffered: the late sender does not wait forever
        Coroutines.spawn(() -> {
            clock2.sleep(2);
            c1.send("result 1");
            return null;
        });
        String first = Select.select(
                onReceive(c1, res -> res),
                onTimeout(clock2.of(1), () -> "timeout 1"));
        out.println(clock2.stamp() + " " + first);

        LessonClock clock3 = LessonClock.start(unit);
        Channel<String> c2 = Channel.buffered(1);
        Coroutines.spawn(() -> {
            clock3.sleep(2);
            c2.send("result 2");
            return null;
        });
        String second = Select.select(
                onReceive(c2, res -> res),
                onReceive(Timers.after(clock3.of(3)), t -> "timeout 2"));
        out.println(clock3.stamp() + " " + second);
        return new Result(ticks, boom, first, second);
    }
}
