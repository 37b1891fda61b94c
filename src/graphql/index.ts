/** The public API of graphql/: what other modules may import (ARCHITECTURE.md). */
export * from './connection';
export * from './enums';
export * from './graphql-exception.filter';
export * from './graphql.options';
export { compiledOperationCount } from './jit-executor';
export * from './limits';
export * from './loaders';
export * from './selection-cache';
export * from './tenant-transaction.plugin';
