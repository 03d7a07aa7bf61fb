package io.github.csp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocksVersusOwnerTest {
    @Test
    void aLockAndAnOwnerBothCountEveryUpdate() throws Exception {
        Output output = new Output();
        LocksVersusOwner.Result r = LocksVersusOwner.run(Duration.ofMillis(50), output.out());
        assertEquals(r.workers(), r.locked());
        assertEquals(r.workers(), r.owned());
        Output.report("locks: without a lock %d of %d updates survived", r.unsafe(), r.workers());
    }
}
