import { Module } from '@nestjs/common';
import { TenantsResolver } from './tenants.resolver';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

@Module({
  providers: [TenantsRepository, TenantsService, TenantsResolver],
  exports: [TenantsService],
})
export class TenantsModule {}
