package io.github.csp4j.examples;

import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import io.github.csp4j.coroutine.Event;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Events: one coroutine sets an event, and all the coroutines waiting for it wake at once.
 *
 * <p>Ports the gevent notes' "Events": a setter that works for 3 s and then sets the event, and
 * five waiters that block in {@code evt.wait()} until then. {@link Event#set()} wakes every waiter,
 * and a waiter that comes later does not wait at all.
 */
public final class Events {
    private Events() {
    }

    /** What happened: when the event was set, and when each waiter woke (lesson seconds). */
    record Result(double setAt, List<Double> wokeAt) {
    }

    public static void main(String[] args) throws InterruptedException {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws InterruptedException {
        LessonClock clock = LessonClock.start(unit);
        Event evt = new Event();

        Coroutine<Double> setter = Coroutines.spawn("setter", () -> {
            out.println(clock.stamp() + " A: Hey wait for me, I have to do something");
            clock.sleep(3);
            out.println(clock.stamp() + " Ok, I'm done");
            double setAt = clock.elapsed();
            evt.set(); // wakes all waiters
            return setAt;
        });
        List<Coroutine<Double>> waiters = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String name = "waiter-" + i;
            waiters.add(Coroutines.spawn(name, () -> {
                out.println(clock.stamp() + " " + name + ": I'll wait for you");
                evt.await(); // blocks until the event is set
                double wokeAt = clock.elapsed();
                out.println(clock.stamp() + " " + name + ": It's about time");
                return wokeAt;
            }));
        }

        double setAt = setter.result();
        List<Double> wokeAt = new ArrayList<>();
        for (Coroutine<Double> waiter : waiters) {
            wokeAt.add(waiter.result());
        }
        double last = wokeAt.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        out.printf("  the event was set at %.2f s; all %d waiters were awake by %.2f s%n",
                setAt, wokeAt.size(), last);
        return new Result(setAt, wokeAt);
    }
}
