/** The public API of exports/: what other modules may import (ARCHITECTURE.md). */
export * from './exports.module';
export { HttpErrorFilter } from './http-error.filter';
