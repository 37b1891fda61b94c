/** The public API of webhooks/: what other modules may import (ARCHITECTURE.md). */
export * from './webhooks.module';
