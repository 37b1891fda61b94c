/** The public API of peer-benchmark/: what other modules may import (ARCHITECTURE.md). */
export * from './benchmark.module';
