/** The public API of roadmap/: what other modules may import (ARCHITECTURE.md). */
export { RoadmapModule } from './roadmap.module';
export * from './roadmap.model';
