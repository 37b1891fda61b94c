/** The public API of request/: what other modules may import (ARCHITECTURE.md). */
export * from './request-context';
export * from './transaction-state';
