package io.github.csp4j.select.goport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csp4j.channels.Channel;
import io.github.csp4j.select.Select;
import io.github.csp4j.select.SelectClause;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Port of golang/go test/chan/powser1.go: Doug McIlroy's power series ("Squinting at Power
 * Series"), the heaviest select network among Go's channel tests.
 *
 * <p>A power series is a demand channel: a consumer sends a request on {@code req} and receives
 * the next rational coefficient on {@code dat}; a coefficient with denominator 0 marks the end.
 * Every operator is a goroutine (or a growing family of them): {@code split} duplicates a series
 * with a chain of generations that hand over with selects, {@code getn} fetches from two series
 * at once with a four-clause select whose clauses are enabled and disabled as requests go out and
 * data comes back (Go's nil channels), and {@code Mul} and {@code Exp} build networks that grow
 * recursively with every term. As in Go, the test checks the first terms of Ones, Add, Diff,
 * Integ, Cmul, Sub, Mul, Exp and the arctangent (Integ of MonSubst); where Go checks zero terms
 * ({@code Add(Ones, Ones)}, {@code Sub}) we check ten. The networks never end on their own:
 * {@link GoScope} interrupts them at the end and checks that every goroutine ended.
 */
class GoPowser1Test {
    private static final int N = 10;

    /** A rational number; a denominator of 0 marks the end of a series. */
    record Rat(long num, long den) {
        static Rat of(long u, long v) {
            long g = gcd(u, v);
            return v > 0 ? new Rat(u / g, v / g) : new Rat(-u / g, -v / g);
        }

        static Rat of(long u) {
            return of(u, 1);
        }

        boolean isEnd() {
            return den == 0;
        }

        Rat add(Rat v) {
            long g = gcd(den, v.den);
            return of(num * (v.den / g) + v.num * (den / g), den * (v.den / g));
        }

        Rat mul(Rat v) {
            long g1 = gcd(num, v.den);
            long g2 = gcd(den, v.num);
            return new Rat((num / g1) * (v.num / g2), (den / g2) * (v.den / g1));
        }

        Rat neg() {
            return of(-num, den);
        }

        @Override
        public String toString() {
            return den == 1 ? Long.toString(num) : num + "/" + den;
        }

        private static long gcd(long u, long v) {
            if (u < 0) {
                return gcd(-u, v);
            }
            if (u == 0) {
                return v;
            }
            return gcd(v % u, u);
        }
    }

    static final Rat ZERO = Rat.of(0);
    static final Rat ONE = Rat.of(1);
    static final Rat FINIS = new Rat(1, 0);

    /** A demand channel: requests in, data out. */
    static final class Dch {
        final Channel<Integer> req = Channel.rendezvous();
        final Channel<Rat> dat = Channel.rendezvous();
    }

    /** The operators; every goroutine they start belongs to {@code scope}. */
    static final class Net {
        private final GoScope scope;
        private final AtomicInteger seqno = new AtomicInteger();

        Net(GoScope scope) {
            this.scope = scope;
        }

        static Dch[] mkdch2() {
            return new Dch[] {new Dch(), new Dch()};
        }

        // split reads a single demand channel and replicates its output onto two, which may be
        // read at different rates. A goroutine is created at first demand for a value and dies
        // after the value has been sent to both outputs. When several generations exist, the
        // newest serves requests on out[0], the oldest on out[1]; all but the newest hold data
        // already sent to out[0]. When data has finally been sent to out[1], a signal on the
        // release-wait channel tells the next newer generation to begin serving out[1].
        void dosplit(Dch in, Dch[] out, Channel<Integer> wait) throws InterruptedException {
            boolean both = false; // do not serve both channels
            int first = Select.select(Select.onReceive(out[0].req, v -> 0), Select.onReceive(wait, v -> 1));
            if (first == 1) {
                both = true;
                int second = Select.select(Select.onReceive(out[0].req, v -> 0), Select.onReceive(out[1].req, v -> 1));
                if (second == 1) {
                    Dch t = out[0];
                    out[0] = out[1];
                    out[1] = t;
                }
            }
            in.req.send(seqno.incrementAndGet());
            Channel<Integer> release = Channel.rendezvous();
            scope.go(() -> dosplit(in, out, release));
            Rat dat = in.dat.receive();
            out[0].dat.send(dat);
            if (!both) {
                wait.receive();
            }
            out[1].req.receive();
            out[1].dat.send(dat);
            release.send(0);
        }

        void split(Dch in, Dch[] out) throws InterruptedException {
            Channel<Integer> release = Channel.rendezvous();
            scope.go(() -> dosplit(in, out, release));
            release.send(0);
        }

        static void put(Rat dat, Dch out) throws InterruptedException {
            out.req.receive();
            out.dat.send(dat);
        }

        Rat get(Dch in) throws InterruptedException {
            in.req.send(seqno.incrementAndGet());
            return in.dat.receive();
        }

        /** One value from each of two demand channels, with one select over all four channels. */
        Rat[] get2(Dch in0, Dch in1) throws InterruptedException {
            Dch[] in = {in0, in1};
            Rat[] out = new Rat[2];
            boolean[] requested = new boolean[2];
            boolean[] received = new boolean[2];
            for (int n = 4; n > 0; n--) {
                Integer seq = seqno.incrementAndGet();
                SelectClause<Integer> req0 = Select.onSend(in[0].req, seq, () -> 0).when(!requested[0]);
                SelectClause<Integer> req1 = Select.onSend(in[1].req, seq, () -> 1).when(!requested[1]);
                SelectClause<Integer> dat0 = Select.onReceive(in[0].dat, v -> {
                    out[0] = v;
                    return 2;
                }).when(requested[0] && !received[0]);
                SelectClause<Integer> dat1 = Select.onReceive(in[1].dat, v -> {
                    out[1] = v;
                    return 3;
                }).when(requested[1] && !received[1]);
                int which = Select.select(req0, req1, dat0, dat1);
                if (which < 2) {
                    requested[which] = true;
                } else {
                    received[which - 2] = true;
                }
            }
            return out;
        }

        void copy(Dch in, Dch out) throws InterruptedException {
            for (;;) {
                out.req.receive();
                out.dat.send(get(in));
            }
        }

        Dch rep(Rat c) {
            Dch z = new Dch();
            scope.go(() -> {
                for (;;) {
                    put(c, z);
                }
            });
            return z;
        }

        Dch add(Dch u, Dch v) {
            Dch z = new Dch();
            scope.go(() -> {
                for (;;) {
                    z.req.receive();
                    Rat[] uv = get2(u, v);
                    switch ((uv[0].isEnd() ? 1 : 0) + 2 * (uv[1].isEnd() ? 1 : 0)) {
                        case 0 -> z.dat.send(uv[0].add(uv[1]));
                        case 1 -> {
                            z.dat.send(uv[1]);
                            copy(v, z);
                        }
                        case 2 -> {
                            z.dat.send(uv[0]);
                            copy(u, z);
                        }
                        default -> z.dat.send(FINIS);
                    }
                }
            });
            return z;
        }

        Dch cmul(Rat c, Dch u) {
            Dch z = new Dch();
            scope.go(() -> {
                boolean done = false;
                while (!done) {
                    z.req.receive();
                    Rat x = get(u);
                    if (x.isEnd()) {
                        done = true;
                    } else {
                        z.dat.send(c.mul(x));
                    }
                }
                z.dat.send(FINIS);
            });
            return z;
        }

        Dch sub(Dch u, Dch v) {
            return add(u, cmul(ONE.neg(), v));
        }

        /** Multiply: let U = u + x*UU, V = v + x*VV; then UV = u*v + x*(u*VV + v*UU) + x*x*UU*VV. */
        Dch mul(Dch u, Dch v) {
            Dch z = new Dch();
            scope.go(() -> {
                z.req.receive();
                Rat[] uv = get2(u, v);
                if (uv[0].isEnd() || uv[1].isEnd()) {
                    z.dat.send(FINIS);
                } else {
                    z.dat.send(uv[0].mul(uv[1]));
                    Dch[] uu = splitPair(u);
                    Dch[] vv = splitPair(v);
                    Dch w = add(cmul(uv[0], vv[0]), cmul(uv[1], uu[0]));
                    z.req.receive();
                    z.dat.send(get(w));
                    copy(add(w, mul(uu[1], vv[1])), z);
                }
            });
            return z;
        }

        /** Go's {@code Split}: a pair of series identical to {@code u}. */
        Dch[] splitPair(Dch u) {
            Dch[] uu = mkdch2();
            scope.go(() -> split(u, uu));
            return uu;
        }

        Dch diff(Dch u) {
            Dch z = new Dch();
            scope.go(() -> {
                z.req.receive();
                Rat x = get(u);
                if (!x.isEnd()) {
                    boolean done = false;
                    for (int i = 1; !done; i++) {
                        x = get(u);
                        if (x.isEnd()) {
                            done = true;
                        } else {
                            z.dat.send(Rat.of(i).mul(x));
                            z.req.receive();
                        }
                    }
                }
                z.dat.send(FINIS);
            });
            return z;
        }

        /** Integrate, with constant of integration {@code c}. */
        Dch integ(Rat c, Dch u) {
            Dch z = new Dch();
            scope.go(() -> {
                put(c, z);
                boolean done = false;
                for (int i = 1; !done; i++) {
                    z.req.receive();
                    Rat x = get(u);
                    if (x.isEnd()) {
                        done = true;
                    }
                    z.dat.send(Rat.of(1, i).mul(x));
                }
                z.dat.send(FINIS);
            });
            return z;
        }

        /** Exponential of a series with constant term 0: Z = exp(U), DZ = Z*DU, integrate. */
        Dch exp(Dch u) throws InterruptedException {
            Dch[] zz = mkdch2();
            split(integ(ONE, mul(zz[0], diff(u))), zz);
            return zz[1];
        }

        /** Monomial substitution U(c x^n): each Ui is multiplied by c^i and followed by n-1 zeros. */
        Dch monSubst(Dch u, Rat c0, int n) {
            Dch z = new Dch();
            scope.go(() -> {
                Rat c = ONE;
                for (;;) {
                    z.req.receive();
                    Rat x = get(u);
                    z.dat.send(x.mul(c));
                    c = c.mul(c0);
                    if (x.isEnd()) {
                        z.dat.send(FINIS);
                        break;
                    }
                    for (int i = 1; i < n; i++) {
                        z.req.receive();
                        z.dat.send(ZERO);
                    }
                }
            });
            return z;
        }

        void check(Dch u, Rat c, int count, String str) throws InterruptedException {
            for (int i = 0; i < count; i++) {
                assertEquals(c, get(u), str + ", term " + i);
            }
        }

        void checka(Dch u, Rat[] a, String str) throws InterruptedException {
            for (int i = 0; i < N; i++) {
                check(u, a[i], 1, str);
            }
        }
    }

    @Test
    void powerSeries() throws Exception {
        try (GoScope scope = new GoScope()) {
            Net net = new Net(scope);
            Dch ones = net.rep(ONE);
            Dch twos = net.rep(Rat.of(2));
            net.check(ones, ONE, 5, "Ones");
            net.check(net.add(ones, ones), Rat.of(2), N, "Add Ones Ones"); // 2 2 2 2 2
            net.check(net.add(ones, twos), Rat.of(3), N, "Add Ones Twos"); // 3 3 3 3 3
            Rat[] a = new Rat[N];
            for (int i = 0; i < N; i++) {
                a[i] = Rat.of(i + 1);
            }
            net.checka(net.diff(ones), a, "Diff"); // 1 2 3 4 5
            a[0] = ZERO; // integration constant
            for (int i = 1; i < N; i++) {
                a[i] = Rat.of(1, i);
            }
            net.checka(net.integ(ZERO, ones), a, "Integ"); // 0 1 1/2 1/3 1/4 1/5
            net.check(net.cmul(ONE.neg(), twos), Rat.of(-2), N, "CMul"); // -2 -2 -2 -2 -2
            net.check(net.sub(ones, twos), Rat.of(-1), N, "Sub Ones Twos"); // -1 -1 -1 -1 -1
            for (int i = 0; i < N; i++) {
                a[i] = Rat.of(i + 1);
            }
            net.checka(net.mul(ones, ones), a, "Mul"); // 1 2 3 4 5
            Rat[] e = {Rat.of(1), Rat.of(1), Rat.of(3, 2), Rat.of(13, 6), Rat.of(73, 24), Rat.of(167, 40),
                Rat.of(4051, 720), Rat.of(37633, 5040), Rat.of(43817, 4480), Rat.of(4596553, 362880)};
            net.checka(net.exp(ones), e, "Exp"); // 1 1 3/2 13/6 73/24
            for (int c = 1, i = 0; i < N; i++) {
                if (i % 2 == 0) {
                    a[i] = ZERO;
                } else {
                    a[i] = Rat.of(c, i);
                    c *= -1;
                }
            }
            net.checka(net.integ(ZERO, net.monSubst(ones, ONE.neg(), 2)), a, "ATan"); // 0 1 0 -1/3 0 1/5
            scope.checkFailures();
        }
    }
}
