/** The public API of targets/: what other modules may import (ARCHITECTURE.md). */
export { TargetsModule } from './targets.module';
// The executive report shows the target's date.
export { TargetsService } from './targets.service';
