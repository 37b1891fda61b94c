import { Inject, Injectable } from '@nestjs/common';
import { BadUserInputError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config';
import { formatDateTime, text } from '../i18n';
import { Mailer } from '../mail';
import { requestLanguage } from '../request';
import { TenantTransaction } from '../tenancy';
import type { RespondentLink } from './campaign.model';
import { CampaignsRepository, type NewRespondent } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import type { RespondentInput } from './dto/respondent.input';
import { newResponseToken } from './response-token';

export const MAX_RESPONDENTS_PER_CALL = 200;

/**
 * Invites respondents to an OPEN campaign: each gets a personal link whose token is stored only as its hash. With
 * SMTP_URL the link goes out by mail (and is not returned); without, it is returned once to the inviter.
 * Inviting an address again gives it a new link (the old one stops working). The mail goes out only after the
 * invitation committed (TenantTransaction.afterCommit): a rolled-back invitation mails no link that would not work.
 * A mail that fails then is logged (the Mailer's recipient, never the link); inviting the address again sends a
 * new link.
 */
@Injectable()
export class CampaignInvitationsService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly repository: CampaignsRepository,
    private readonly mailer: Mailer,
    private readonly tx: TenantTransaction,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(campaignId: string, respondents: RespondentInput[]): Promise<RespondentLink[]> {
    if (respondents.length < 1 || respondents.length > MAX_RESPONDENTS_PER_CALL) {
      throw BadUserInputError.field('respondents', `must hold 1 to ${MAX_RESPONDENTS_PER_CALL} respondents`);
    }
    const seen = new Set<string>();
    respondents.forEach((r, i) => {
      const key = r.email.trim().toLowerCase();
      if (seen.has(key)) throw BadUserInputError.field(`respondents.${i}.email`, 'is listed twice');
      seen.add(key);
    });
    const campaign = await this.campaigns.requireOpen(campaignId);
    const issued = respondents.map((r) => ({ input: r, ...newResponseToken() }));
    const rows: NewRespondent[] = issued.map(({ input, hash }) => ({
      email: input.email.trim(),
      department: input.department,
      external: input.external ?? false,
      tokenHash: hash,
    }));
    await this.repository.invite(campaign.id, rows);

    const mailed = this.mailer.configured;
    if (mailed) {
      const { name } = await this.repository.organisation();
      // In the language of the request that sent them (the inviter's Accept-Language).
      const language = requestLanguage();
      const closesAt = formatDateTime(language, campaign.closesAt);
      const messages = issued.map(({ input, token }) => {
        const link = `${this.config.campaigns.publicUrl}/respond/${token}`;
        const values = { organisation: name, period: campaign.period, link, closesAt };
        return {
          to: input.email.trim(),
          subject: text(language, 'mail.campaignInvitation.subject', values),
          text: text(language, 'mail.campaignInvitation.body', values),
        };
      });
      // One item per message: a failed mail does not hold back the others.
      for (const message of messages) {
        this.tx.afterCommit(async () => {
          await this.mailer.send(message);
        });
      }
    }
    return issued.map(({ input, token }) => ({
      email: input.email.trim(),
      department: input.department,
      external: input.external ?? false,
      token: mailed ? '' : token,
      mailed,
    }));
  }
}
