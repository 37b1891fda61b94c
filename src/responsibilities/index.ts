/** The public API of responsibilities/: what other modules may import (ARCHITECTURE.md). */
export * from './responsibilities.module';
