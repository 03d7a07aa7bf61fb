module github.com/csp4j/csp4j/benchmarks/go

go 1.19
