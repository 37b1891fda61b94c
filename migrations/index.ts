import { Foundation1764150000000 } from './1764150000000-foundation';
import { TeamsInitiatives1764150001000 } from './1764150001000-teams-initiatives';
import { Assessments1764150002000 } from './1764150002000-assessments';
import { Portfolio1764150003000 } from './1764150003000-portfolio';
import { Audit1764150004000 } from './1764150004000-audit';
import { Performance1764150006000 } from './1764150006000-performance';
import { PortfolioProjection1764150007000 } from './1764150007000-portfolio-projection';
import { PeriodOrder1764150008000 } from './1764150008000-period-order';
import { IdempotencyKey1764150009000 } from './1764150009000-idempotency-key';
import { BenchmarkReleases1764150010000 } from './1764150010000-benchmark-releases';
import { WebhookOwners1764150012000 } from './1764150012000-webhook-owners';
import { DropWebhookEnqueue1764150013000 } from './1764150013000-drop-webhook-enqueue';
import { TargetsActions1764150014000 } from './1764150014000-targets-actions';
import { Campaigns1764150015000 } from './1764150015000-campaigns';
import { ApiKeysInvitations1764150016000 } from './1764150016000-api-keys-invitations';
import { CampaignMemberResponses1764150017000 } from './1764150017000-campaign-member-responses';
import { FindingCodesOnly1764150018000 } from './1764150018000-finding-codes-only';
import { VisibleTenantsPlpgsql1764150019000 } from './1764150019000-visible-tenants-plpgsql';

/** Every migration, in order. A new migration is added here (explicit beats a glob across src and dist). */
export const MIGRATIONS = [
  Foundation1764150000000,
  TeamsInitiatives1764150001000,
  Assessments1764150002000,
  Portfolio1764150003000,
  Audit1764150004000,
  Performance1764150006000,
  PortfolioProjection1764150007000,
  PeriodOrder1764150008000,
  IdempotencyKey1764150009000,
  BenchmarkReleases1764150010000,
  WebhookOwners1764150012000,
  DropWebhookEnqueue1764150013000,
  TargetsActions1764150014000,
  Campaigns1764150015000,
  ApiKeysInvitations1764150016000,
  CampaignMemberResponses1764150017000,
  FindingCodesOnly1764150018000,
  VisibleTenantsPlpgsql1764150019000,
];
