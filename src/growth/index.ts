/** The public API of growth/: what other modules may import (ARCHITECTURE.md). */
export * from './growth.module';
