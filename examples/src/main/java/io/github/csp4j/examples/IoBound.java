package io.github.csp4j.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.csp4j.coroutine.Coroutine;
import io.github.csp4j.coroutine.Coroutines;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * I/O-bound work: fetching pages one after the other versus all at once.
 *
 * <p>Ports the concurrency notes' "I/O bound" problem type (realpython's download-many-sites
 * example): a program that spends its time waiting for the network speeds up by overlapping the
 * waits. The example starts a small HTTP server of its own on 127.0.0.1 (an ephemeral port) that
 * answers each request after 0.25 s, as a far-away site would; it serves a bounded number of
 * requests and then stops by itself. The client fetches 20 pages in a loop, then with one
 * coroutine per page: blocking {@code HttpClient.send} calls, each parked on its virtual thread
 * while it waits, no callbacks and no {@code async}.
 */
public final class IoBound {
    private IoBound() {
    }

    static final int PAGES = 20;
    static final double DELAY = 0.25; // lesson seconds the server takes per page

    /** What happened: the lesson seconds for the loop and for the coroutines, and the pages. */
    record Result(double sequential, double concurrent, List<String> pages) {
    }

    public static void main(String[] args) throws Exception {
        run(Duration.ofSeconds(1), System.out);
    }

    static Result run(Duration unit, PrintStream out) throws Exception {
        LessonClock clock = LessonClock.start(unit);
        int budget = 1 + 2 * PAGES; // a warm-up request, then every page twice
        try (PageServer server = new PageServer(clock.of(DELAY), budget);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            out.printf("  server on %s answers each request after %.2f s, for %d requests%n",
                    server.base(), DELAY, budget);
            fetch(client, server.page(0)); // warm-up: loads the HTTP classes, not timed

            LessonClock loop = LessonClock.start(unit);
            for (int i = 1; i <= PAGES; i++) {
                fetch(client, server.page(i));
            }
            double sequential = loop.elapsed();
            out.printf("%s one after the other: %d pages in %.2f s%n", loop.stamp(), PAGES, sequential);

            LessonClock together = LessonClock.start(unit);
            List<Coroutine<String>> fetches = new ArrayList<>();
            for (int i = 1; i <= PAGES; i++) {
                URI page = server.page(i);
                fetches.add(Coroutines.spawn(() -> fetch(client, page)));
            }
            List<String> pages = Coroutines.gather(fetches);
            double concurrent = together.elapsed();
            out.printf("%s one coroutine per page: %d pages in %.2f s (%s ... %s)%n",
                    together.stamp(), pages.size(), concurrent, pages.get(0), pages.get(pages.size() - 1));
            out.printf("  %.1fx faster: the waits overlapped%n", sequential / concurrent);
            return new Result(sequential, concurrent, pages);
        }
    }

    static String fetch(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * A slow web site on 127.0.0.1: the JDK's built-in HTTP server, one virtual thread per
     * request. It serves {@code budget} requests (later ones get 503) and then stops by itself;
     * {@link #close()} stops it sooner.
     */
    static final class PageServer implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        private final AtomicInteger received = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();

        PageServer(Duration delay, int budget) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (received.incrementAndGet() > budget) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    Thread.sleep(delay); // the network, the disk, the far-away service
                    byte[] body = exchange.getRequestURI().getPath().substring(1).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (answered.incrementAndGet() == budget) {
                    Thread.ofVirtual().start(this::stop); // the whole budget is answered: stop
                }
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        URI page(int i) {
            return URI.create(base() + "/page-" + i);
        }

        private void stop() {
            if (stopped.compareAndSet(false, true)) {
                server.stop(0);
                handlers.shutdownNow();
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
