import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { SharedRedis } from './shared-redis';

/** The process's SharedRedis (REDIS_URL), for every module that keeps state all instances share. */
@Global()
@Module({
  providers: [
    {
      provide: SharedRedis,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SharedRedis(config.redis?.url ?? null, config.redis?.keyPrefix ?? ''),
    },
  ],
  exports: [SharedRedis],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(SharedRedis) private readonly redis: SharedRedis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.close();
  }
}
