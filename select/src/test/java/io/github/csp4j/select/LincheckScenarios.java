package io.github.csp4j.select;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/** Builds a fixed Lincheck scenario from Java (Lincheck's scenario DSL is meant for Kotlin). */
final class LincheckScenarios {
    private LincheckScenarios() {
    }

    /** An operation of {@code test}: its {@code @Operation} method named {@code name}, with arguments. */
    static Actor actor(Class<?> test, String name, Object... args) {
        Method m = Arrays.stream(test.getMethods()).filter(x -> x.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + name + " in " + test));
        return new Actor(m, List.of(args), false, false, false, false, false);
    }

    /** Runs {@code init} first, then each list of {@code threads} on its own thread, in parallel. */
    static ExecutionScenario scenario(List<Actor> init, List<List<Actor>> threads) {
        return new ExecutionScenario(init, threads, List.of(), null);
    }
}
