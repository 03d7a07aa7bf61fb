/**
 * Typed Go-style channels on JCTools queues: {@link io.github.csp4j.channels.Channel} and its
 * directional views. The {@code spi} package is the internal contract that the select module
 * builds on; it is exported to csp4j modules only.
 */
module io.github.csp4j.channels {
    requires org.jctools.core;

    exports io.github.csp4j.channels;
    exports io.github.csp4j.channels.spi to io.github.csp4j.select, io.github.csp4j.coroutine;
}
