import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: tenant members answer a campaign with their own login (domain.md "Campaigns"), next to response links.
 *
 * A member who answers becomes a respondent of the campaign like an invited person: campaign_respondents gains
 * user_id, and token_hash becomes optional (a member who was never invited has no link; campaign_link() matches a
 * hash only, so such a row is unreachable by token). One respondent per member and campaign (unique user_id), and
 * a member invited by email IS that invitation's respondent (the service matches the email, the existing
 * (tenant, campaign, lower(email)) key enforces it): answering by link and by login replaces one response, never
 * adds a second. A deleted account keeps its response in the aggregate (user_id set null).
 */
export class CampaignMemberResponses1764150017000 implements MigrationInterface {
  name = 'CampaignMemberResponses1764150017000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE campaign_respondents
        ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ALTER COLUMN token_hash DROP NOT NULL;
      CREATE UNIQUE INDEX campaign_respondents_user_key ON campaign_respondents (tenant_id, campaign_id, user_id)
        WHERE user_id IS NOT NULL;
      GRANT SELECT (user_id) ON campaign_respondents TO smt_app;
      GRANT UPDATE (user_id) ON campaign_respondents TO smt_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM campaign_respondents WHERE token_hash IS NULL;
      DROP INDEX campaign_respondents_user_key;
      ALTER TABLE campaign_respondents DROP COLUMN user_id, ALTER COLUMN token_hash SET NOT NULL;
    `);
  }
}
