import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: an idempotency key is any string of 1 to 255 characters (code points) without control characters,
 * as the contract says; "acme-q1" and "acme/2026-Q1" were refused by the old CHECK (8-200 of [A-Za-z0-9._:-]).
 * Every key stored under the old rule passes the new one. The service checks the same rule first
 * (IDEMPOTENCY_KEY_PATTERN); the CHECK keeps the table right for any other writer. A NUL cannot be stored in text at
 * all, so the class starts at U+0001.
 */
export class IdempotencyKey1764150009000 implements MigrationInterface {
  name = 'IdempotencyKey1764150009000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessments DROP CONSTRAINT assessments_idempotency_key_check;
      ALTER TABLE assessments ADD CONSTRAINT assessments_idempotency_key_check
        CHECK (char_length(idempotency_key) BETWEEN 1 AND 255 AND idempotency_key !~ '[\\u0001-\\u001f\\u007f-\\u009f]');
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    // Keys stored under the wider rule would fail the old CHECK: it comes back NOT VALID (new rows only).
    await q.query(`
      ALTER TABLE assessments DROP CONSTRAINT assessments_idempotency_key_check;
      ALTER TABLE assessments ADD CONSTRAINT assessments_idempotency_key_check
        CHECK (idempotency_key ~ '^[A-Za-z0-9._:-]{8,200}$') NOT VALID;
    `);
  }
}
