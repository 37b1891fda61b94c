/** The public API of config/: what other modules may import (ARCHITECTURE.md). */
export * from './config';
