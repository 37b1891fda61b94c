/** The public API of invitations/: what other modules may import (ARCHITECTURE.md). */
export { InvitationsModule } from './invitations.module';
