import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, item 6: `webhook_enqueue(text, jsonb)` (the selected tenant's shorthand for `webhook_enqueue_for`) had
 * no caller but a test: events are written by the trigger on assessments, which calls `webhook_enqueue_for` with
 * the row's tenant. No function or trigger calls `webhook_enqueue`, so it goes; `webhook_enqueue_for` stays.
 */
export class DropWebhookEnqueue1764150013000 implements MigrationInterface {
  name = 'DropWebhookEnqueue1764150013000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION webhook_enqueue(text, jsonb)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION webhook_enqueue(p_event text, p_payload jsonb) RETURNS integer
        LANGUAGE sql VOLATILE SET search_path = public
        AS $fn$ SELECT webhook_enqueue_for(app_current_tenant(), p_event, p_payload) $fn$;
    `);
  }
}
