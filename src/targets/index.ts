/** The public API of targets/: what other modules may import (ARCHITECTURE.md). */
export { TargetsModule } from './targets.module';
