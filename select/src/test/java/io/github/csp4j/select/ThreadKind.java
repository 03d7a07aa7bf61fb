package io.github.csp4j.select;

/** The two kinds of thread a select must work from. */
enum ThreadKind {
    VIRTUAL, PLATFORM;

    Thread.Builder builder() {
        return this == VIRTUAL ? Thread.ofVirtual().name("select-test-v-", 0)
                : Thread.ofPlatform().daemon().name("select-test-p-", 0);
    }

    Thread start(Runnable body) {
        return builder().start(body);
    }
}
