/** The public API of roadmap/: what other modules may import (ARCHITECTURE.md). */
export { RoadmapModule } from './roadmap.module';
export * from './roadmap.model';
// The executive report shows the roadmap to the target.
export { RoadmapService } from './roadmap.service';
