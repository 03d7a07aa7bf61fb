/** Typed Go-style channels: see {@link io.github.csp4j.channels.Channel}. */
package io.github.csp4j.channels;
