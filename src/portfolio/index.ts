/** The public API of portfolio/: what other modules may import (ARCHITECTURE.md). */
export * from './portfolio.model';
export * from './portfolio.module';
export * from './portfolio.service';
