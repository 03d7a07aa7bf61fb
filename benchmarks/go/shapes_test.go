package shapes

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// reportPer reports the time since start divided by ops as "ns/elem".
func reportPer(b *testing.B, elapsed time.Duration, ops int) {
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(ops), "ns/elem")
}

// transfer moves n ints from producers to consumers over ch, starting and waiting for all goroutines.
func transfer(ch chan int, producers, consumers, n int) {
	var wg sync.WaitGroup
	wg.Add(producers + consumers)
	for c := 0; c < consumers; c++ {
		count := share(n, consumers, c)
		go func() {
			defer wg.Done()
			sum := 0
			for i := 0; i < count; i++ {
				sum += <-ch
			}
			sink(sum)
		}()
	}
	for p := 0; p < producers; p++ {
		count := share(n, producers, p)
		go func() {
			defer wg.Done()
			for i := 0; i < count; i++ {
				ch <- i & 127
			}
		}()
	}
	wg.Wait()
}

func share(total, parts, i int) int {
	s := total / parts
	if i < total%parts {
		s++
	}
	return s
}

var sinkMu sync.Mutex
var sinkValue int

func sink(v int) {
	sinkMu.Lock()
	sinkValue += v
	sinkMu.Unlock()
}

// a. Rendezvous handoff: 1 producer -> 1 consumer over an unbuffered channel.
func BenchmarkRendezvousHandoff(b *testing.B) {
	b.ResetTimer()
	start := time.Now()
	transfer(make(chan int), 1, 1, b.N)
	reportPer(b, time.Since(start), b.N)
}

// a'. Ping-pong: b.N round trips over two unbuffered channels.
func BenchmarkPingPong(b *testing.B) {
	b.ResetTimer()
	start := time.Now()
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			pong <- <-ping
		}
	}()
	go func() {
		defer wg.Done()
		sum := 0
		for i := 0; i < b.N; i++ {
			ping <- i & 127
			sum += <-pong
		}
		sink(sum)
	}()
	wg.Wait()
	reportPer(b, time.Since(start), b.N)
}

// b. Buffered, 1 producer -> 1 consumer, capacities 16, 100, 1024.
func BenchmarkBufferedSpsc(b *testing.B) {
	for _, capacity := range []int{16, 100, 1024} {
		capacity := capacity
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			b.ResetTimer()
			start := time.Now()
			transfer(make(chan int, capacity), 1, 1, b.N)
			reportPer(b, time.Since(start), b.N)
		})
	}
}

// c. 4 producers x 4 consumers over one channel of capacity 1024.
func BenchmarkBufferedMpmc(b *testing.B) {
	b.ResetTimer()
	start := time.Now()
	transfer(make(chan int, 1024), 4, 4, b.N)
	reportPer(b, time.Since(start), b.N)
}

// e. Select over two channels, each fed by one producer; one consumer selects.
func BenchmarkSelectTwo(b *testing.B) {
	for _, capacity := range []int{0, 16} {
		capacity := capacity
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			b.ResetTimer()
			start := time.Now()
			first, second := make(chan int, capacity), make(chan int, capacity)
			n1, n2 := share(b.N, 2, 0), share(b.N, 2, 1)
			var wg sync.WaitGroup
			wg.Add(3)
			go func() {
				defer wg.Done()
				sum := 0
				for i := 0; i < b.N; i++ {
					select {
					case v := <-first:
						sum += v
					case v := <-second:
						sum += v
					}
				}
				sink(sum)
			}()
			go func() {
				defer wg.Done()
				for i := 0; i < n1; i++ {
					first <- i & 127
				}
			}()
			go func() {
				defer wg.Done()
				for i := 0; i < n2; i++ {
					second <- i & 127
				}
			}()
			wg.Wait()
			reportPer(b, time.Since(start), b.N)
		})
	}
}

const chainStages = 10000

// chain passes values down stages goroutines; reports ns per hop.
func chain(b *testing.B, capacity int) {
	b.ResetTimer()
	start := time.Now()
	values := b.N
	links := make([]chan int, chainStages+1)
	for i := range links {
		links[i] = make(chan int, capacity)
	}
	var wg sync.WaitGroup
	wg.Add(chainStages + 2)
	go func() {
		defer wg.Done()
		sum := 0
		for v := 0; v < values; v++ {
			sum += <-links[chainStages]
		}
		sink(sum)
	}()
	for i := chainStages - 1; i >= 0; i-- {
		in, out := links[i], links[i+1]
		go func() {
			defer wg.Done()
			for v := 0; v < values; v++ {
				out <- <-in
			}
		}()
	}
	go func() {
		defer wg.Done()
		for v := 0; v < values; v++ {
			links[0] <- v & 127
		}
	}()
	wg.Wait()
	reportPer(b, time.Since(start), values*chainStages)
}

// f. A chain of 10,000 goroutines over unbuffered channels.
func BenchmarkChainRendezvous(b *testing.B) { chain(b, 0) }

// f. A chain of 10,000 goroutines over channels of capacity 16.
func BenchmarkChainBuffered(b *testing.B) { chain(b, 16) }

// g. 10,000 parallel producer/consumer pairs, capacity 16.
func BenchmarkParallelPairs(b *testing.B) {
	const pairs = 10000
	perPair := (b.N + pairs - 1) / pairs
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	wg.Add(2 * pairs)
	for p := 0; p < pairs; p++ {
		ch := make(chan int, 16)
		go func() {
			defer wg.Done()
			sum := 0
			for i := 0; i < perPair; i++ {
				sum += <-ch
			}
			sink(sum)
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < perPair; i++ {
				ch <- i & 127
			}
		}()
	}
	wg.Wait()
	reportPer(b, time.Since(start), pairs*perPair)
}

// h. Spawn and join goroutines with an empty body, in batches of 100,000.
func BenchmarkSpawn(b *testing.B) {
	const batch = 100000
	b.ResetTimer()
	start := time.Now()
	for done := 0; done < b.N; done += batch {
		n := b.N - done
		if n > batch {
			n = batch
		}
		var wg sync.WaitGroup
		wg.Add(n)
		for i := 0; i < n; i++ {
			go func() { wg.Done() }()
		}
		wg.Wait()
	}
	reportPer(b, time.Since(start), b.N)
}

func inUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

// i. One million goroutines, each parked in a receive on its own unbuffered channel; then each is
// woken with one value and all are waited for. The memory they hold while parked (heap and stacks,
// after a GC, channel included) is measured outside the timed part and reported as B/coroutine.
func BenchmarkMillionParked(b *testing.B) {
	const n = 1000000
	var elapsed time.Duration
	var bytes float64
	b.ResetTimer()
	for op := 0; op < b.N; op++ {
		b.StopTimer()
		before := inUse()
		b.StartTimer()
		start := time.Now()
		chans := make([]chan int, n)
		var arrived, done sync.WaitGroup
		arrived.Add(n)
		done.Add(n)
		for i := 0; i < n; i++ {
			ch := make(chan int)
			chans[i] = ch
			go func() {
				arrived.Done()
				v := <-ch
				_ = v
				done.Done()
			}()
		}
		arrived.Wait()
		elapsed += time.Since(start)
		b.StopTimer()
		bytes += float64(inUse()-before) / n
		b.StartTimer()
		start = time.Now()
		for i := 0; i < n; i++ {
			chans[i] <- i & 127
		}
		done.Wait()
		elapsed += time.Since(start)
	}
	reportPer(b, elapsed, b.N*n)
	b.ReportMetric(bytes/float64(b.N), "B/coroutine")
}

func mix(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// j. Ordered parallel map: b.N small tasks on 8 worker goroutines, reordered by index.
func BenchmarkParallelMap(b *testing.B) {
	type job struct {
		index int
		value uint64
	}
	n := b.N
	out := make([]uint64, n)
	ready := make([]bool, n)
	b.ResetTimer()
	start := time.Now()
	jobs := make(chan job, 256)
	results := make(chan job, 256)
	go func() {
		for i := 0; i < n; i++ {
			jobs <- job{i, uint64(i) * 0x9E3779B97F4A7C15}
		}
		close(jobs)
	}()
	var workers sync.WaitGroup
	workers.Add(8)
	for w := 0; w < 8; w++ {
		go func() {
			defer workers.Done()
			for j := range jobs {
				results <- job{j.index, mix(j.value)}
			}
		}()
	}
	go func() {
		workers.Wait()
		close(results)
	}()
	var h uint64
	next := 0
	for r := range results {
		out[r.index] = r.value
		ready[r.index] = true
		for next < n && ready[next] {
			h = h*31 + out[next]
			next++
		}
	}
	reportPer(b, time.Since(start), n)
	sink(int(h & 1))
}
