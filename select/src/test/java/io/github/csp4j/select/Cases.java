package io.github.csp4j.select;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Parameter sources shared by the parameterised tests ({@code @MethodSource("io.github.csp4j.select.Cases#...")}). */
final class Cases {
    private Cases() {
    }

    static Stream<Kind> kinds() {
        return Arrays.stream(Kind.values());
    }

    /** Kinds whose sends can wait for room: rendezvous and plain buffered. */
    static Stream<Kind> blockingSendKinds() {
        return kinds().filter(Kind::sendCanBlock);
    }

    /** Kinds that buffer elements (all but rendezvous). */
    static Stream<Kind> bufferingKinds() {
        return kinds().filter(Kind::buffers);
    }

    static Stream<Arguments> kindsAndThreads() {
        return withThreads(kinds());
    }

    static Stream<Arguments> blockingSendKindsAndThreads() {
        return withThreads(blockingSendKinds());
    }

    private static Stream<Arguments> withThreads(Stream<Kind> kinds) {
        return kinds.flatMap(k -> Arrays.stream(ThreadKind.values()).map(t -> Arguments.of(k, t)));
    }
}
