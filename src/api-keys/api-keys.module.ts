import { Module } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysResolver } from './api-keys.resolver';
import { ApiKeysService } from './api-keys.service';

/** Issue 19: a tenant's API keys (create, list, revoke). Keys are resolved per request by tenancy/request-scope.ts. */
@Module({
  providers: [ApiKeysRepository, ApiKeysService, ApiKeysResolver],
})
export class ApiKeysModule {}
