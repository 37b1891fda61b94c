import { Module } from '@nestjs/common';
import { TargetsRepository } from './targets.repository';
import { TargetsResolver } from './targets.resolver';
import { TargetsService } from './targets.service';

/** Targets: the stage a tenant aims for. Exports the service (the roadmap reads the target). */
@Module({
  providers: [TargetsRepository, TargetsService, TargetsResolver],
  exports: [TargetsService],
})
export class TargetsModule {}
