import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TeamsModule } from '../teams';
import { ResponsibilitiesResolver } from './responsibilities.resolver';
import { ResponsibilitiesService } from './responsibilities.service';
import { ResponsibilityAssignmentEntity } from './responsibility-assignment.entity';
import { TenantResponsibilitiesResolver } from './tenant-responsibilities.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ResponsibilityAssignmentEntity]), TeamsModule],
  providers: [ResponsibilitiesService, ResponsibilitiesResolver, TenantResponsibilitiesResolver],
})
export class ResponsibilitiesModule {}
