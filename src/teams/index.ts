/** The public API of teams/: what other modules may import (ARCHITECTURE.md). */
export * from './team-members.service';
export * from './team.model';
export * from './teams.module';
export { toTeamMember, type TeamMemberRow } from './teams.repository';
