/** The public API of redis/: what other modules may import (ARCHITECTURE.md). */
export { RedisModule } from './redis.module';
export * from './shared-redis';
