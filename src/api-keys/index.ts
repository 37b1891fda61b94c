/** The public API of api-keys/: what other modules may import (ARCHITECTURE.md). */
export { ApiKeysModule } from './api-keys.module';
