// Package shapes holds the Go reference of the csp4j benchmarks: the same shapes as the JMH
// benchmarks in ../src/main/java, as testing.B benchmarks, with goroutines and Go channels.
//
// Run: go test -run '^$' -bench . -benchtime=2s -count=5
//
// Every benchmark reports "ns/elem" (time per element, per round trip, per hop, per goroutine or
// per task, as the JMH shape of the same name does); MillionParked also reports "B/coroutine".
// Goroutines are started and waited for inside the measurement, as in the JMH benchmarks. A
// benchmark name is the JMH shape key (class name, then /param=value), so that the report can
// put both side by side. Go has no unbounded channel: the Unbounded shape has no Go reference.
package shapes
