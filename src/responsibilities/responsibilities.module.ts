import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams';
import { ResponsibilitiesRepository } from './responsibilities.repository';
import { ResponsibilitiesResolver } from './responsibilities.resolver';
import { ResponsibilitiesService } from './responsibilities.service';
import { TenantResponsibilitiesResolver } from './tenant-responsibilities.resolver';

@Module({
  imports: [TeamsModule],
  providers: [ResponsibilitiesRepository, ResponsibilitiesService, ResponsibilitiesResolver, TenantResponsibilitiesResolver],
})
export class ResponsibilitiesModule {}
