/** The public API of tenancy/: what other modules may import (ARCHITECTURE.md). */
export * from './access.decorator';
export * from './access.guard';
export * from './request';
export * from './request-scope';
export * from './selected-tenant';
export * from './tenancy.module';
export * from './tenant-transaction';
export * from './tenant-transaction.interceptor';
export * from './api-key-access';
