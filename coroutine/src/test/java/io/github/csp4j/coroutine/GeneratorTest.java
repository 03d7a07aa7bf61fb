package io.github.csp4j.coroutine;

import static org.junit.jupiter.api.Assertions.*;

import io.github.csp4j.channels.ChannelClosedException;
import io.github.csp4j.channels.ReceiveChannel;
import io.github.csp4j.channels.ReceiveResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void closesWhenTheBodyReturns() throws Exception {
        ReceiveChannel<Integer> squares = Coroutines.produce(out -> {
            for (int i = 1; i <= 4; i++) {
                out.send(i * i);
            }
        });
        List<Integer> got = new ArrayList<>();
        for (int x : squares) {
            got.add(x);
        }
        assertEquals(List.of(1, 4, 9, 16), got);
        assertTrue(squares.isClosedForReceive());
    }

    @Test
    void rendezvousByDefaultSoGenerationIsLazy() throws Exception {
        AtomicInteger generated = new AtomicInteger();
        ReceiveChannel<Integer> naturals = Coroutines.produce(out -> {
            for (int i = 0; ; i++) {
                out.send(i);
                generated.incrementAndGet();
            }
        });
        assertEquals(0, naturals.receive());
        assertEquals(1, naturals.receive());
        assertEquals(2, naturals.receive());
        // the generator is now blocked handing over 3: it has completed exactly three sends
        assertTrue(generated.get() <= 3, "ran ahead: " + generated.get());
        naturals.cancel();
    }

    @Test
    void capacityLetsTheGeneratorRunAhead() throws Exception {
        CountDownLatch filled = new CountDownLatch(1);
        ReceiveChannel<Integer> ch = Coroutines.produce(3, out -> {
            for (int i = 0; i < 3; i++) {
                out.send(i); // never waits: three fit
            }
            filled.countDown();
        });
        filled.await();
        assertEquals(List.of(0, 1, 2), ch.stream().toList());
        assertThrows(IllegalArgumentException.class, () -> Coroutines.produce(-1, out -> { }));
    }

    @Test
    void closesWithTheBodysException() throws Exception {
        IOException boom = new IOException("disk on fire");
        ReceiveChannel<String> ch = Coroutines.produce(out -> {
            out.send("first");
            throw boom;
        });
        assertEquals("first", ch.receive());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::receive);
        assertSame(boom, e.getCause());
        ReceiveResult<String> r = ch.receiveCatching();
        assertTrue(r.isClosed());
        assertSame(boom, r.closeCause());
    }

    @Test
    void consumerCancelStopsAGeneratorBlockedInSend() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Throwable[] why = new Throwable[1];
        ReceiveChannel<Integer> ch = Coroutines.produce(out -> {
            try {
                for (int i = 0; ; i++) {
                    out.send(i);
                }
            } catch (Throwable t) {
                why[0] = t;
                stopped.countDown();
                throw t;
            }
        });
        assertEquals(0, ch.receive());
        assertTrue(ch.cancel());
        assertTrue(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS));
        assertNotNull(why[0]);
        assertTrue(ch.isClosedForReceive());
        assertFalse(ch.cancel());
    }

    @Test
    void consumerCancelInterruptsAGeneratorBlockedElsewhere() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ReceiveChannel<Integer> ch = Coroutines.produce(out -> {
            sleeping.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        sleeping.await();
        ch.cancel();
        assertTrue(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void generatorCancelledWithItsScopeClosesTheChannelAsCancelled() throws Exception {
        ReceiveChannel<Integer> ch;
        try (CoroutineScope scope = CoroutineScope.open()) {
            ch = scope.produce(out -> Thread.sleep(Duration.ofMinutes(10)));
            scope.cancel();
        }
        ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::receive);
        assertInstanceOf(CancellationException.class, e.getCause());
    }

    @Test
    void generatorSpawnedIntoACancelledScopeStillClosesItsChannel() throws Exception {
        ReceiveChannel<Integer> ch;
        try (CoroutineScope scope = CoroutineScope.open()) {
            scope.cancel();
            ch = scope.produce(out -> out.send(1));
        }
        ReceiveResult<Integer> r = ch.receiveCatching();
        assertTrue(r.isClosed());
        assertInstanceOf(CancellationException.class, r.closeCause());
    }

    @Test
    void failingGeneratorIsNotAlsoSentToTheHandler() throws Exception {
        Uncaught u = new Uncaught();
        ReceiveChannel<Integer> ch = Coroutines.spawner(u.virtual).produce(out -> {
            throw new IllegalStateException("via the channel");
        });
        assertEquals("via the channel", assertThrows(ChannelClosedException.class, ch::receive).getCause().getMessage());
        RuntimeException marker = new RuntimeException("marker");
        Coroutines.spawner(u.virtual).spawn((Runnable) () -> {
            throw marker;
        });
        assertSame(marker, u.next());
    }

    @Test
    void failingGeneratorFailsItsScope() throws Exception {
        IllegalStateException boom = new IllegalStateException("gen");
        CoroutineFailedException e = assertThrows(CoroutineFailedException.class, () -> {
            try (CoroutineScope scope = CoroutineScope.open()) {
                ReceiveChannel<Integer> ch = scope.produce(out -> {
                    throw boom;
                });
                ch.receiveCatching();
            }
        });
        assertSame(boom, e.getCause());
    }

    @Test
    void cancellingTheChannelNeverFailsTheScope() throws Exception {
        // Regression: the consumer's cancel used to cancel the channel before the coroutine, so a
        // generator whose send failed on the cancelled channel could exit with that
        // ChannelClosedException before it was marked cancelled, and fail its scope.
        for (int round = 0; round < 300; round++) {
            try (CoroutineScope scope = CoroutineScope.open()) {
                ReceiveChannel<Integer> ch = scope.produce(round % 3, out -> {
                    for (int i = 0; ; i++) {
                        out.send(i);
                    }
                });
                ch.receive();
                ch.cancel();
            }
        }
    }
}
