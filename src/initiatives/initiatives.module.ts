import { Module } from '@nestjs/common';
import { InitiativeKpisService } from './initiative-kpis.service';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesResolver } from './initiatives.resolver';
import { InitiativesService } from './initiatives.service';
import { TenantInitiativesResolver } from './tenant-initiatives.resolver';

@Module({
  providers: [InitiativesRepository, InitiativesService, InitiativeKpisService, InitiativesResolver, TenantInitiativesResolver],
  exports: [InitiativesService],
})
export class InitiativesModule {}
