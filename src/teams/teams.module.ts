import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TeamEntity } from './team.entity';
import { TeamMemberEntity } from './team-member.entity';
import { TeamMembersResolver } from './team-members.resolver';
import { TeamMembersService } from './team-members.service';
import { TeamsResolver } from './teams.resolver';
import { TeamsService } from './teams.service';
import { TenantTeamsResolver } from './tenant-teams.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([TeamEntity, TeamMemberEntity])],
  providers: [TeamsService, TeamMembersService, TeamsResolver, TeamMembersResolver, TenantTeamsResolver],
  exports: [TeamsService, TeamMembersService],
})
export class TeamsModule {}
