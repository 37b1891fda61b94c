import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { RequestScope } from '../tenancy';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

/** Campaigns closed per tick at most, so one tick never runs for long. */
const PER_TICK = 50;

/**
 * Closes due campaigns in the background, in every instance. Each close is one transaction that claims one due
 * campaign (campaign_claim_due: FOR UPDATE SKIP LOCKED, so two instances never take the same one) and closes or
 * expires it; a closer killed mid-close leaves nothing (its transaction rolls back, its lock goes with its
 * connection) and the next tick anywhere takes the campaign again. The assessment's unique campaign index is the
 * last word: one assessment per campaign.
 */
@Injectable()
export class CampaignCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CampaignCloser');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly scope: RequestScope,
    private readonly repository: CampaignsRepository,
    private readonly campaigns: CampaignsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.campaigns.closer) return;
    this.timer = setInterval(() => void this.closeDue().catch(() => undefined), this.config.campaigns.closerIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Closes what is due now; how many campaigns it closed or expired. One run at a time per instance. */
  closeDue(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    let done = 0;
    while (!this.stopped && done < PER_TICK) {
      try {
        const outcome = await this.scope.run(null, null, async () => {
          const claimed = await this.repository.claimDue();
          if (!claimed) return null;
          this.scope.recordTenantSetByDatabase(claimed.tenantId);
          const status = await this.campaigns.closeDue(claimed.campaignId);
          return { ...claimed, status };
        });
        if (!outcome) break;
        done += 1;
        this.logger.log({ msg: 'campaign closed by the closer', ...outcome });
      } catch (e) {
        this.logger.error({ msg: 'closing a due campaign failed', err: e instanceof Error ? e.message : String(e) });
        break;
      }
    }
    return done;
  }
}
