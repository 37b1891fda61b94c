/** The public API of auth/: what other modules may import (ARCHITECTURE.md). */
export * from './auth.module';
export * from './jwt-auth.guard';
export * from './jwt-secret';
export * from './user.model';
