/** The public API of health/: what other modules may import (ARCHITECTURE.md). */
export * from './health.module';
