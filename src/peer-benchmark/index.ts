/** The public API of peer-benchmark/: what other modules may import (ARCHITECTURE.md). */
export * from './benchmark.module';
// The executive report shows the benchmark as the API's Benchmark does.
export { BenchmarkService, RELEASE_SOURCE } from './benchmark.service';
export type { Benchmark } from './benchmark.model';
