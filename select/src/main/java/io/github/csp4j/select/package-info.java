/** Multi-way select over channels. */
package io.github.csp4j.select;
