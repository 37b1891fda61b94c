/** The public API of tenants/: what other modules may import (ARCHITECTURE.md). */
export * from './tenant.model';
export * from './tenant.row';
export * from './tenants.module';
