import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { rescoreAll, type RescoreProgress } from '../../src/jobs/rescore/rescore';
import { OWNER_ROLE } from '../../src/database/roles';
import { getScoringModel, score, type ScoringInputs } from '../../src/scoring';
import { adminClient, appClient } from '../helpers/db';
import { testUrls } from '../setup/test-database';

const MODEL = 'social-maturity/v1';

/** A small informal company without facts; the answers make overall = (15*SAT + 10*GOV) / 55 (domain.md). */
function inputs(satisfaction: number): ScoringInputs {
  return {
    profile: {
      employeeCount: 10,
      departments: ['MARKETING'],
      culture: 'INFORMAL',
      market: 'B2C',
      locations: 1,
    },
    teams: [],
    responsibilities: [],
    initiatives: [],
    answers: {
      overallSatisfaction: satisfaction,
      managementSupport: 3,
      hasPolicy: true,
      policyRoleModel: 4,
      hasCrisisPlan: false,
      hasMonitoring: true,
      reportingCadence: 'MONTHLY',
      communityApplicable: false,
    },
  };
}

async function createTenant(admin: Client): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations)
     VALUES ($1, 'Rescored', 10, '{MARKETING}', 'INFORMAL', 'B2C', 1)`,
    [id],
  );
  return id;
}

let periods = 0;

/** A stored assessment with a placeholder result (rescoring reads only the inputs); a new year each by default. */
async function insertAssessment(
  admin: Client,
  tenant: string,
  snapshot: unknown,
  period = String(3000 + periods++),
): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO assessments (tenant_id, id, period, idempotency_key, request_hash, model_version, inputs, result,
                              overall_score, stage)
     VALUES ($1, $2, $3, $4, $5, 'social-maturity/v0', $6, '{"placeholder": true}', 0, 'PLANNING')`,
    [tenant, id, period, `key-${id}`, '0'.repeat(64), JSON.stringify(snapshot)],
  );
  return id;
}

/** Runs `work` as the service's role inside `tenant`, then rolls back. */
async function asApp<T>(app: Client, tenant: string, work: () => Promise<T>): Promise<T> {
  await app.query('BEGIN');
  try {
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    return await work();
  } finally {
    await app.query('ROLLBACK');
  }
}

async function ownerClient(): Promise<Client> {
  const client = new Client({ connectionString: testUrls().adminUrl, options: `-c role=${OWNER_ROLE}` });
  await client.connect();
  return client;
}

describe('assessments in the database', () => {
  let admin: Client;
  let app: Client;
  let tenant: string;
  let assessment: string;

  beforeAll(async () => {
    admin = await adminClient();
    app = await appClient();
    tenant = await createTenant(admin);
    assessment = await insertAssessment(admin, tenant, inputs(3), '2026-Q1');
  });
  afterAll(async () => {
    await app.end();
    await admin.end();
  });

  describe('immutability for the service role', () => {
    it.each([
      ['an UPDATE of overall_score', 'UPDATE assessments SET overall_score = 99 WHERE id = $1'],
      ['an UPDATE of result', `UPDATE assessments SET result = '{}' WHERE id = $1`],
      ['an UPDATE of inputs', `UPDATE assessments SET inputs = '{}' WHERE id = $1`],
      ['an UPDATE of stage', `UPDATE assessments SET stage = 'CONVERGED' WHERE id = $1`],
      ['an UPDATE of period', `UPDATE assessments SET period = '2030' WHERE id = $1`],
      ['an UPDATE of submitted_at', 'UPDATE assessments SET submitted_at = now() WHERE id = $1'],
      ['a DELETE', 'DELETE FROM assessments WHERE id = $1'],
    ])('refuses %s (permission denied)', async (_what, sql) => {
      await asApp(app, tenant, async () => {
        await expect(app.query(sql, [assessment])).rejects.toThrow(/permission denied/);
      });
    });

    it('may mark an assessment superseded (and nothing else)', async () => {
      const later = await insertAssessment(admin, tenant, inputs(4));
      const updated = await asApp(app, tenant, () =>
        app.query('UPDATE assessments SET superseded_at = now(), superseded_by = $2 WHERE id = $1', [
          assessment,
          later,
        ]),
      );
      expect(updated.rowCount).toBe(1);
    });

    it('may read but not write rescoring results', async () => {
      await asApp(app, tenant, async () => {
        const read = await app.query('SELECT count(*)::int AS n FROM assessment_scores');
        expect(read.rows[0].n).toBeGreaterThanOrEqual(0);
        await expect(
          app.query(
            `INSERT INTO assessment_scores (assessment_id, model_version, result, overall_score, stage)
             VALUES ($1, 'x', '{}', 1, 'PLANNING')`,
            [assessment],
          ),
        ).rejects.toThrow(/permission denied/);
      });
    });

    it('keeps a superseded assessment from pointing at another tenant or at nothing', async () => {
      const other = await createTenant(admin);
      const foreign = await insertAssessment(admin, other, inputs(2));
      await expect(
        admin.query('UPDATE assessments SET superseded_at = now(), superseded_by = $2 WHERE id = $1', [
          assessment,
          foreign,
        ]),
      ).rejects.toThrow(/foreign key/);
      await expect(
        admin.query('UPDATE assessments SET superseded_at = now() WHERE id = $1', [assessment]),
      ).rejects.toThrow(/assessments_superseded_check/);
    });
  });

  describe('rescoreAll', () => {
    let owner: Client;
    beforeAll(async () => {
      owner = await ownerClient();
    });
    afterAll(() => owner.end());

    const unscored = async () =>
      (
        await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM assessments a WHERE NOT EXISTS (
             SELECT 1 FROM assessment_scores s WHERE s.tenant_id = a.tenant_id AND s.assessment_id = a.id AND s.model_version = $1)`,
          [MODEL],
        )
      ).rows[0].n;

    it('scores every snapshot of every tenant as the owner role, keeping earlier results and the assessments as they were', async () => {
      const tenants = [await createTenant(admin), await createTenant(admin)];
      const ids: string[] = [];
      for (const [i, t] of tenants.entries())
        for (let s = 1; s <= 3; s++) ids.push(await insertAssessment(admin, t, inputs(s + i)));
      // An earlier result under another version stays.
      await admin.query(
        `INSERT INTO assessment_scores (tenant_id, assessment_id, model_version, result, overall_score, stage)
         VALUES ($1, $2, 'social-maturity/v0', '{"old": true}', 1, 'PLANNING')`,
        [tenants[0], ids[0]],
      );
      const before = await admin.query(
        `SELECT md5(string_agg(a::text, ',' ORDER BY id)) AS h FROM assessments a WHERE id = ANY($1)`,
        [ids],
      );
      const progress: RescoreProgress[] = [];
      const pending = await unscored();

      const summary = await rescoreAll(owner, MODEL, { batchSize: 4, onProgress: (p) => progress.push(p) });

      expect(summary).toMatchObject({
        modelVersion: MODEL,
        total: pending,
        scored: pending,
        failed: 0,
        interrupted: false,
      });
      expect(await unscored()).toBe(0);
      expect(progress[0]).toEqual({ total: pending, scored: 0, failed: 0 });
      expect(progress.at(-1)).toEqual({ total: pending, scored: pending, failed: 0 });
      const scoredSoFar = progress.map((p) => p.scored);
      expect(scoredSoFar).toEqual([...scoredSoFar].sort((a, b) => a - b));

      const { rows } = await admin.query(
        'SELECT assessment_id, model_version, result, overall_score, stage FROM assessment_scores WHERE assessment_id = ANY($1)',
        [ids],
      );
      const v1 = rows.filter((r) => r.model_version === MODEL);
      expect(v1).toHaveLength(6);
      const model = getScoringModel(MODEL);
      for (const row of v1) {
        const index = ids.indexOf(row.assessment_id);
        const expected = score(inputs((index % 3) + 1 + Math.floor(index / 3)), model);
        expect(row.result).toEqual(JSON.parse(JSON.stringify(expected)));
        expect({ overall: row.overall_score, stage: row.stage }).toEqual({
          overall: expected.overallScore,
          stage: expected.stage,
        });
      }
      // By hand (domain.md): satisfaction 3 -> (15*50 + 10*75) / 55; satisfaction 4 -> (15*75 + 10*75) / 55.
      expect(v1.find((r) => r.assessment_id === ids[2])?.overall_score).toBeCloseTo(1500 / 55, 10);
      expect(v1.find((r) => r.assessment_id === ids[5])?.overall_score).toBeCloseTo(
        (15 * 75 + 10 * 75) / 55,
        10,
      );
      expect(rows.find((r) => r.model_version === 'social-maturity/v0')?.result).toEqual({ old: true });
      const after = await admin.query(
        `SELECT md5(string_agg(a::text, ',' ORDER BY id)) AS h FROM assessments a WHERE id = ANY($1)`,
        [ids],
      );
      expect(after.rows[0].h).toBe(before.rows[0].h);
    });

    it('stops when interrupted and resumes without scoring anything twice', async () => {
      const t = await createTenant(admin);
      for (let s = 0; s < 7; s++) await insertAssessment(admin, t, inputs((s % 5) + 1));
      const pending = await unscored();
      expect(pending).toBeGreaterThanOrEqual(7);
      const stop = new AbortController();
      const first = await rescoreAll(owner, MODEL, {
        batchSize: 3,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.scored > 0) stop.abort();
        },
      });
      expect(first).toMatchObject({ total: pending, scored: 3, interrupted: true });
      const firstRows = await admin.query(
        'SELECT tenant_id, assessment_id, scored_at FROM assessment_scores WHERE model_version = $1',
        [MODEL],
      );

      const pool = new Pool({
        connectionString: testUrls().adminUrl,
        options: `-c role=${OWNER_ROLE}`,
        max: 1,
      });
      try {
        const second = await rescoreAll(pool, MODEL, { batchSize: 3 });
        expect(second).toMatchObject({
          total: pending - 3,
          scored: pending - 3,
          interrupted: false,
          failed: 0,
        });
      } finally {
        await pool.end();
      }
      expect(await unscored()).toBe(0);
      const again = await admin.query(
        'SELECT tenant_id, assessment_id, scored_at FROM assessment_scores WHERE model_version = $1 AND assessment_id = ANY($2)',
        [MODEL, firstRows.rows.map((r) => r.assessment_id)],
      );
      expect(again.rows).toEqual(expect.arrayContaining(firstRows.rows));
      expect(again.rows).toHaveLength(firstRows.rows.length);

      const third = await rescoreAll(owner, MODEL);
      expect(third).toMatchObject({ total: 0, scored: 0, failed: 0, interrupted: false });
    });

    it('reports a snapshot the engine cannot score and goes on with the others', async () => {
      const t = await createTenant(admin);
      const broken = await insertAssessment(admin, t, { profile: null });
      const fine = await insertAssessment(admin, t, inputs(2));
      try {
        const summary = await rescoreAll(owner, MODEL, { batchSize: 1 });
        expect(summary.failed).toBe(1);
        expect(summary.failures).toEqual([{ tenantId: t, assessmentId: broken, error: expect.any(String) }]);
        expect(summary.scored).toBe(summary.total - 1);
        const stored = await admin.query(
          'SELECT assessment_id FROM assessment_scores WHERE assessment_id = ANY($1)',
          [[broken, fine]],
        );
        expect(stored.rows).toEqual([{ assessment_id: fine }]);
      } finally {
        await admin.query('DELETE FROM assessments WHERE id = $1', [broken]);
      }
    });

    it('refuses an unknown model version before touching anything', async () => {
      await expect(rescoreAll(owner, 'social-maturity/v999')).rejects.toThrow(
        /Unknown scoring model version/,
      );
    });

    it('sees nothing as the service role (the operator policy is the owner role only)', async () => {
      const summary = await rescoreAll(app, MODEL);
      expect(summary.total).toBe(0);
    });
  });
});
