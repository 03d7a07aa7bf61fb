package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TourTest {
    @Test
    void listNamesEveryExample() {
        Output out = new Output();
        assertEquals(0, Tour.run(new String[] {"list"}, out.out(), new Output().out()));
        for (Tour.Example e : Tour.EXAMPLES) {
            assertTrue(out.text().contains(e.name() + " "), e.name() + " is listed");
            assertTrue(out.text().contains(e.summary()), e.name() + "'s summary is listed");
        }
        assertEquals(Tour.EXAMPLES.size(), new HashSet<>(Tour.names()).size(), "names are unique");
    }

    @Test
    void everyExampleClassIsInTheTour() throws Exception {
        Set<Class<?>> inTour = new HashSet<>();
        Tour.EXAMPLES.forEach(e -> inTour.add(e.mainClass()));
        List<String> missing = new ArrayList<>();
        for (Class<?> c : classesWithMain()) {
            if (c != Tour.class && !inTour.contains(c)) {
                missing.add(c.getSimpleName());
            }
        }
        assertEquals(List.of(), missing, "example classes with a main that the tour does not list");
    }

    @Test
    void anUnknownNameIsAClearErrorListingTheValidNames() {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, Tour.run(new String[] {"no-such-example"}, out.out(), err.out()));
        String message = err.text();
        assertTrue(message.contains("Unknown example 'no-such-example'"), message);
        for (String name : Tour.names()) {
            assertTrue(message.contains(name), name + " is named in: " + message);
        }
        assertEquals("", out.text(), "nothing ran");
    }

    @Test
    void oneExampleRunsByName() {
        Output out = new Output();
        assertEquals(0, Tour.run(new String[] {"quit"}, out.out(), new Output().out()));
        assertTrue(out.text().contains("== 1/1 quit:"), out.text());
        assertTrue(out.text().contains("  quit"), out.text());
    }

    @Test
    void severalExamplesRunByNameInTheGivenOrder() {
        Output out = new Output();
        assertEquals(0, Tour.run(new String[] {"prime-sieve, quit"}, out.out(), new Output().out()));
        assertTrue(out.indexOf("== 1/2 prime-sieve") < out.indexOf("== 2/2 quit"));
    }

    /** The top-level classes of the examples package that have a {@code public static void main}. */
    private static List<Class<?>> classesWithMain() throws URISyntaxException, ClassNotFoundException {
        File dir = new File(Tour.class.getResource("Tour.class").toURI()).getParentFile();
        List<Class<?>> result = new ArrayList<>();
        for (String file : dir.list()) {
            if (file.endsWith(".class") && !file.contains("$")) {
                Class<?> c = Class.forName(Tour.class.getPackageName() + "." + file.replace(".class", ""));
                try {
                    Method main = c.getMethod("main", String[].class);
                    if (Modifier.isStatic(main.getModifiers())) {
                        result.add(c);
                    }
                } catch (NoSuchMethodException notAnExample) {
                    // a helper
                }
            }
        }
        assertTrue(result.size() > 10, "found the example classes in " + dir);
        return result;
    }
}
