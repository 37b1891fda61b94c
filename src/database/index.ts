/** The public API of database/: what other modules may import (ARCHITECTURE.md). */
export * from './prepare';
export * from './prepared-statements';
export * from './query-runner-internals';
export * from './sql-counter';
export * from './read-replica';
