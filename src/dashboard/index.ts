/** The public API of dashboard/: what other modules may import (ARCHITECTURE.md). */
export * from './dashboard.module';
