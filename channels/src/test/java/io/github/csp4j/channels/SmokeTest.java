package io.github.csp4j.channels;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void pingAll() throws Exception {
        for (Channel<Integer> ch : List.<Channel<Integer>>of(Channel.rendezvous(), Channel.buffered(1), Channel.buffered(3), Channel.unbounded())) {
            int n = 200_000;
            AtomicLong sum = new AtomicLong();
            List<Thread> ts = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                ts.add(Thread.ofVirtual().start(() -> { try { for (int i = 0; i < n; i++) ch.send(i); } catch (InterruptedException e) { throw new RuntimeException(e); } }));
            }
            List<Thread> cs = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                cs.add(Thread.ofVirtual().start(() -> { for (int v : ch) sum.addAndGet(v); }));
            }
            for (Thread t : ts) t.join();
            ch.close();
            for (Thread t : cs) t.join();
            assertEquals(4L * n * (n - 1) / 2, sum.get(), ch.toString());
            System.out.println(ch);
        }
    }
}
