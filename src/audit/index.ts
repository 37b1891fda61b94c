/** The public API of audit/: what other modules may import (ARCHITECTURE.md). */
export * from './audit-record';
export * from './audit.module';
export * from './audited.decorator';
