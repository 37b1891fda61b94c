import { randomUUID } from 'node:crypto';
import { ClsServiceManager } from 'nestjs-cls';
import type { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { FindingCodesOnly1764150018000 } from '../../migrations/1764150018000-finding-codes-only';
import { findingsOf } from '../../src/assessments';
import { OWNER_ROLE } from '../../src/database/roles';
import { findingTexts, type Language } from '../../src/i18n';
import { startRequestContext } from '../../src/request';
import { getScoringModel, score, CURRENT_MODEL_VERSION, type FindingResult, type ScoringResult } from '../../src/scoring';
import { initiative, inputs } from '../../src/scoring/scoring.fixtures';
import { insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';

/** A finding as releases before issue 18 stored it: its English texts, and its count only inside its message. */
function storedTheOldWay(finding: FindingResult): Record<string, unknown> {
  const { values: _values, ...codes } = finding;
  return { ...codes, ...findingTexts('en', finding) };
}

/** The findings as the API shows them, in a language (the mapper reads requestLanguage()). */
function readIn(language: Language, findings: FindingResult[]) {
  return ClsServiceManager.getClsService().run(() => {
    startRequestContext(language);
    return findingsOf(findings);
  });
}

/**
 * Migration 1764150018000 on rows stored before it: inside one transaction that is rolled back, results with
 * English texts are written the old way, the migration runs (as the owner, as migrations do), and the rows then
 * read in both languages, the English as it was stored.
 */
describe('migration 1764150018000 (finding codes only) on existing data', () => {
  let db: Client;
  const migration = new FindingCodesOnly1764150018000();
  const runner = () => ({ query: (sql: string) => db.query(sql) }) as unknown as QueryRunner;

  beforeAll(async () => {
    db = await adminClient();
  });
  afterAll(() => db.end());

  it('strips the stored texts, keeps the numbers they need, and the row reads in English and Dutch', async () => {
    const snapshot = inputs({
      initiatives: [
        initiative({ name: 'Spring', failureFactors: ['NO_TIME', 'NO_BUDGET'] }),
        initiative({ name: 'Summer', failureFactors: ['NO_TIME', 'NO_BUDGET'] }),
        initiative({ name: 'Autumn', status: 'STOPPED', failureFactors: ['NO_TIME'] }),
      ],
      answers: { hasCrisisPlan: false },
    });
    const result: ScoringResult = score(snapshot, getScoringModel(CURRENT_MODEL_VERSION));
    expect(result.findings.filter((f) => f.code === 'RECURRING_FAILURE_FACTOR').map((f) => f.values)).toEqual([
      { count: 2 },
      { count: 3 },
    ]);
    const oldFindings = result.findings.map(storedTheOldWay);
    // One written by an older text: its count is no longer in the message, and is counted again from the inputs.
    const budget = oldFindings.findIndex((f) => f.failureFactor === 'NO_BUDGET');
    oldFindings[budget] = { ...oldFindings[budget], message: 'Several initiatives name the lack of budget.' };
    const oldResult = { ...result, findings: oldFindings };

    await db.query('BEGIN');
    try {
      const tenant = await insertTenant(db, { name: 'Stored the old way' });
      const id = randomUUID();
      await db.query(
        `INSERT INTO assessments (tenant_id, id, period, idempotency_key, request_hash, model_version, inputs, result,
                                  overall_score, stage)
         VALUES ($1, $2, '2024-Q1', $3, $4, $5, $6, $7, $8, $9)`,
        [tenant, id, `old-${id}`, '0'.repeat(64), result.modelVersion, JSON.stringify(snapshot), JSON.stringify(oldResult), result.overallScore, result.stage],
      );
      await db.query(
        `INSERT INTO assessment_scores (tenant_id, assessment_id, model_version, result, overall_score, stage)
         VALUES ($1, $2, 'social-maturity/rescored', $3, $4, $5)`,
        [tenant, id, JSON.stringify(oldResult), result.overallScore, result.stage],
      );

      // The deferred foreign key's checks of those inserts run now, as they would have at their commit.
      await db.query('SET CONSTRAINTS ALL IMMEDIATE');
      await db.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
      await migration.up(runner());
      await db.query('RESET ROLE');

      const stored = await db.query<{ result: ScoringResult }>(
        `SELECT result FROM assessments WHERE id = $1 UNION ALL SELECT result FROM assessment_scores WHERE assessment_id = $1`,
        [id],
      );
      expect(stored.rows).toHaveLength(2);
      for (const { result: migrated } of stored.rows) {
        // Exactly what the engine stores now: codes and numbers, in the same order.
        expect(migrated.findings).toEqual(result.findings);
        expect(JSON.stringify(migrated.findings)).not.toMatch(/"message"|"recommendation"/);
        expect({ ...migrated, findings: [] }).toEqual({ ...result, findings: [] });
      }

      const findings = stored.rows[0].result.findings;
      const english = readIn('en', findings);
      const dutch = readIn('nl', findings);
      // English reads as it was stored (for every finding the old text was not changed in).
      english.forEach((f, i) => {
        if (i !== budget) expect([f.code, f.message, f.recommendation]).toEqual([f.code, oldFindings[i].message, oldFindings[i].recommendation]);
      });
      expect(english[budget].message).toMatch(/^2 initiatives name the lack of budget/);
      expect(dutch.find((f) => f.failureFactor === 'NO_TIME')!.message).toMatch(
        /^3 initiatieven noemen het gebrek aan tijd als reden/,
      );
      expect(dutch.find((f) => f.code === 'NO_CRISIS_PLAN')!.message).toMatch(/^Er is geen crisisplan voor social media/);
      dutch.forEach((f, i) => expect(f.message).not.toBe(english[i].message));

      // Running it again changes nothing (rows already without texts are left as they are).
      await db.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
      await migration.up(runner());
      await db.query('RESET ROLE');
      const again = await db.query<{ result: ScoringResult }>('SELECT result FROM assessments WHERE id = $1', [id]);
      expect(again.rows[0].result.findings).toEqual(result.findings);
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('leaves row-level security forced on the tables it lifted it from', async () => {
    const { rows } = await db.query<{ relname: string; relforcerowsecurity: boolean }>(
      `SELECT relname, relforcerowsecurity FROM pg_class
        WHERE relname IN ('assessments', 'assessment_scores', 'campaigns') ORDER BY relname`,
    );
    expect(rows.every((r) => r.relforcerowsecurity)).toBe(true);
    expect(rows).toHaveLength(3);
  });
});
