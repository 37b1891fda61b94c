/** The public API of initiatives/: what other modules may import (ARCHITECTURE.md). */
export * from './initiatives.module';
