/** Coroutines on virtual threads: spawn handles, scopes, gather, Event, WaitGroup, timers, generators, pipelines. */
module io.github.csp4j.coroutine {
    requires transitive io.github.csp4j.channels;
    requires transitive io.github.csp4j.select;

    exports io.github.csp4j.coroutine;
}
