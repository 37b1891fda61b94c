import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InitiativeKpiEntity } from './initiative-kpi.entity';
import { InitiativeEntity } from './initiative.entity';
import { InitiativeKpisService } from './initiative-kpis.service';
import { InitiativesResolver } from './initiatives.resolver';
import { InitiativesService } from './initiatives.service';
import { TenantInitiativesResolver } from './tenant-initiatives.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([InitiativeEntity, InitiativeKpiEntity])],
  providers: [InitiativesService, InitiativeKpisService, InitiativesResolver, TenantInitiativesResolver],
  exports: [InitiativesService],
})
export class InitiativesModule {}
