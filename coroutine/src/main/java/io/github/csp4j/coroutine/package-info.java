/** Coroutines on virtual threads. */
package io.github.csp4j.coroutine;
