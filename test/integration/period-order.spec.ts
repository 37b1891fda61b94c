import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { PeriodOrder1764150008000 } from '../../migrations/1764150008000-period-order';
import { OWNER_ROLE } from '../../src/database/roles';
import { periodSpan } from '../../src/scoring/period';
import { insertAssessment, insertMembership, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';

/** Every period form, and two the original CHECK admitted that the API now refuses (stored data keeps working). */
const PERIODS = [
  '2026',
  '2026-H1',
  '2026-H2',
  '2026-Q1',
  '2026-Q2',
  '2026-Q3',
  '2026-Q4',
  ...Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
  '1999-Q1',
  '0000',
  '9999-12',
];

/** What src/scoring/period.ts says, in PostgreSQL's date text (no year 0 there: "0000" is 1 BC). */
function expected(period: string): { period: string; start: string; months: number } {
  const span = periodSpan(period);
  if (!span) throw new Error(period);
  const year = span.start.getUTCFullYear();
  const start = year === 0 ? '0001-01-01 BC' : span.start.toISOString().slice(0, 10);
  return { period, start, months: span.months };
}

/**
 * Migration 1764150008000 on data that existed before it: inside one transaction that is rolled back, the
 * migration is taken down, rows of every period form are written the old way, and the migration is applied again.
 */
describe('migration 1764150008000 (period order) on existing data', () => {
  let db: Client;
  const migration = new PeriodOrder1764150008000();
  const runner = () => ({ query: (sql: string) => db.query(sql) }) as unknown as QueryRunner;

  beforeAll(async () => {
    db = await adminClient();
  });
  afterAll(() => db.end());

  it('fills period_start and period_months for rows stored before it, for every period form, as the service computes them', async () => {
    await db.query('BEGIN');
    try {
      await db.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
      await migration.down(runner());
      const gone = await db.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'assessments' AND column_name = 'period_start'`,
      );
      expect(gone.rows).toHaveLength(0);
      await db.query('RESET ROLE');

      const tenant = await insertTenant(db, { name: 'Before the migration' });
      const consultant = randomUUID();
      await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'C', 'x')`, [
        consultant,
        `${consultant}@example.test`,
      ]);
      await insertMembership(db, tenant, consultant, 'CONSULTANT');
      // Submitted in the reverse of period order, a second apart: the last submitted is the oldest period.
      const start = Date.now() - 3600_000;
      for (const [i, period] of [...PERIODS].reverse().entries()) {
        await insertAssessment(db, tenant, { period, overallScore: 10 + i, submittedAt: new Date(start + i * 1000) });
      }

      // The deferred foreign key's checks of those inserts run now, as they would have at their commit.
      await db.query('SET CONSTRAINTS ALL IMMEDIATE');
      await db.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
      await migration.up(runner());
      await db.query('RESET ROLE');

      const { rows } = await db.query<{ period: string; start: string; months: number }>(
        `SELECT period, period_start::text AS start, period_months AS months FROM assessments
          WHERE tenant_id = $1 ORDER BY period`,
        [tenant],
      );
      expect(rows).toEqual([...PERIODS].sort().map(expected));

      // The portfolio function reads them in period order: latest 9999-12, previous 2026-12; due from the last
      // submission (the oldest period, 0000).
      await db.query(`SELECT set_config('app.user_id', $1, true)`, [consultant]);
      const portfolio = await db.query<{ latest_period: string; previous_period: string; last: Date }>(
        `SELECT latest_period, previous_period, last_submitted_at AS last FROM consultant_portfolio(false, false, false)`,
      );
      expect(portfolio.rows).toEqual([
        { latest_period: '9999-12', previous_period: '2026-12', last: new Date(start + (PERIODS.length - 1) * 1000) },
      ]);
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it("compares a new assessment in the webhook event with the one before it in period order, not the last submitted", async () => {
    const tenant = await insertTenant(db, { name: 'Webhook order' });
    try {
      await db.query(
        `INSERT INTO webhook_endpoints (tenant_id, url, events, secret, secret_hint)
         VALUES ($1, 'https://127.0.0.1/hook', '{assessment.scored,portfolio.alert}', $2, 'abcd')`,
        [tenant, 's'.repeat(40)],
      );
      await insertAssessment(db, tenant, { period: '2026-Q2', overallScore: 70 });
      await insertAssessment(db, tenant, { period: '2026-Q4', overallScore: 40 });
      // Entered last for the quarter in between: its previous is Q2 (70), not Q4 (40), the last submitted.
      await insertAssessment(db, tenant, { period: '2026-Q3', overallScore: 55 });
      const { rows } = await db.query<{ event: string; period: string; previous: number | null }>(
        `SELECT event, payload ->> 'period' AS period, (payload ->> 'previousOverallScore')::float AS previous
           FROM webhook_events WHERE tenant_id = $1 ORDER BY occurred_at, event`,
        [tenant],
      );
      expect(rows.filter((r) => r.event === 'assessment.scored').map((r) => [r.period, r.previous])).toEqual([
        ['2026-Q2', null],
        ['2026-Q4', 70],
        ['2026-Q3', 70],
      ]);
      // Q4 dropped 30 against Q2: an alert; Q3 dropped 15 against Q2: an alert too.
      expect(rows.filter((r) => r.event === 'portfolio.alert').map((r) => r.period).sort()).toEqual(['2026-Q3', '2026-Q4']);
    } finally {
      // No pending delivery may stay behind for the webhook dispatcher of other suites.
      await db.query('DELETE FROM tenants WHERE id = $1', [tenant]);
    }
  });

  it('keeps the period order indexes on assessments and no longer the submission-order list index', async () => {
    const { rows } = await db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'assessments' ORDER BY indexname`,
    );
    const names = rows.map((r) => r.indexname);
    expect(names).toEqual(
      expect.arrayContaining(['assessments_period_order_idx', 'assessments_current_period_order_idx']),
    );
    expect(names).not.toContain('assessments_submitted_idx');
  });
});
