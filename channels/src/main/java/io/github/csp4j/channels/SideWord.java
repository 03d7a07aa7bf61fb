package io.github.csp4j.channels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One side's word of a {@link BufferedChannel}, alone on its cache line: a volatile {@code word}
 * (a counter in the low bits, flags in the high bits) that the threads of one side update on
 * every operation, and a {@code cache} of the other side's counter that they read instead of the
 * other side's word.
 *
 * <p>Why the padding: a producer and a consumer that update one shared line move it between
 * their cores on every element (about 100 ns on our machines); with one line per side each core
 * keeps its own line, and the other side's line is read only when the cache runs out. The
 * padding fields sit in superclasses because the JVM lays out superclass fields first; within
 * one class it may reorder them.
 *
 * <p>Memory ordering: {@code word} is read and written with volatile semantics (CAS, getAndAdd);
 * {@code cache} is opaque (atomic, no ordering): it is only ever a value that the other side's
 * counter had at some instant, so a stale value can only make a thread re-read that counter.
 */
final class SideWord extends SideWordFields {
    private static final VarHandle WORD;
    private static final VarHandle CACHE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            WORD = lookup.findVarHandle(SideWordFields.class, "word", long.class);
            CACHE = lookup.findVarHandle(SideWordFields.class, "cache", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p10, p11, p12, p13, p14, p15, p16, p17;

    /** The word (volatile read). */
    long get() {
        return word;
    }

    boolean compareAndSet(long expected, long update) {
        return WORD.compareAndSet(this, expected, update);
    }

    /** Compare-and-exchange: returns the word found, which equals {@code expected} on success. */
    long compareAndExchange(long expected, long update) {
        return (long) WORD.compareAndExchange(this, expected, update);
    }

    long getAndAdd(long delta) {
        return (long) WORD.getAndAdd(this, delta);
    }

    /** The cached value of the other side's counter (opaque read). */
    long cache() {
        return (long) CACHE.getOpaque(this);
    }

    /** Caches a value the other side's counter had (opaque write). */
    void cache(long value) {
        CACHE.setOpaque(this, value);
    }

    /** Sets {@code bits} in the word. */
    void setBits(long bits) {
        for (long w; ((w = word) & bits) != bits; ) {
            if (compareAndSet(w, w | bits)) {
                return;
            }
        }
    }

    /** Clears {@code bits} in the word. */
    void clearBits(long bits) {
        for (long w; ((w = word) & bits) != 0; ) {
            if (compareAndSet(w, w & ~bits)) {
                return;
            }
        }
    }
}

/** Padding before the hot fields: a neighbour object's fields cannot share their line. */
abstract class SideWordPadding {
    long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The hot fields of {@link SideWord}, between two blocks of padding. */
abstract class SideWordFields extends SideWordPadding {
    volatile long word;
    long cache;
}
