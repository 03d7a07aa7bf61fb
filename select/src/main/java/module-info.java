/** Go-style multi-way select over csp4j channels. */
module io.github.csp4j.select {
    requires transitive io.github.csp4j.channels;

    exports io.github.csp4j.select;
}
