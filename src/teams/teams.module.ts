import { Module } from '@nestjs/common';
import { TeamMembersResolver } from './team-members.resolver';
import { TeamMembersService } from './team-members.service';
import { TeamsRepository } from './teams.repository';
import { TeamsResolver } from './teams.resolver';
import { TeamsService } from './teams.service';
import { TenantTeamsResolver } from './tenant-teams.resolver';

@Module({
  providers: [TeamsRepository, TeamsService, TeamMembersService, TeamsResolver, TeamMembersResolver, TenantTeamsResolver],
  exports: [TeamsService, TeamMembersService],
})
export class TeamsModule {}
