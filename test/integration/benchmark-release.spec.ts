import type { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from '../../src/database/roles';
import { drawQuantile } from '../../src/peer-benchmark/release-mechanism';
import { adminClient, appClient } from '../helpers/db';

/** Migration 1764150010000 straight at the database: the SQL mechanism, the period order, the privileges. */
describe('benchmark releases (database)', () => {
  let admin: Client;
  let app: Client;

  beforeAll(async () => {
    admin = await adminClient();
    app = await appClient();
  });
  afterAll(async () => {
    await app.end();
    await admin.end();
  });

  async function sqlDraw(scores: number[], q: number, uniform: number): Promise<number> {
    const { rows } = await admin.query<{ x: number }>(
      'SELECT benchmark_quantile_draw($1::double precision[], $2, 1::double precision / 3, $3) AS x',
      [scores, q, uniform],
    );
    return rows[0].x;
  }

  it('draws in SQL exactly what the TypeScript reference draws for the same uniform number', async () => {
    const samples: [number[], number][] = [
      [[10, 20], 0.5],
      [[30, 60, 90], 0.25],
      [[12.5, 40.1, 40.1, 55, 63.37, 70, 71.2, 80, 88.8, 99.9], 0.75],
      [Array.from({ length: 300 }, (_, i) => (i * 37) % 101), 0.5],
    ];
    for (const [scores, q] of samples) {
      for (const u of [0, 0.05, 0.3, 0.5, 0.77, 0.999]) {
        expect({ scores: scores.length, q, u, x: await sqlDraw(scores, q, u) }).toEqual({
          scores: scores.length,
          q,
          u,
          x: drawQuantile(scores, q, u),
        });
      }
    }
  });

  it('refuses a uniform number outside [0, 1) and an empty band', async () => {
    await expect(sqlDraw([1, 2], 0.5, 1)).rejects.toThrow(/uniform/);
    await expect(sqlDraw([], 0.5, 0.5)).rejects.toThrow(/at least one score/);
  });

  it('draws uniform numbers in [0, 1) from gen_random_uuid()', async () => {
    const { rows } = await admin.query<{ lo: number; hi: number; distinct: string }>(
      `SELECT min(u) AS lo, max(u) AS hi, count(DISTINCT u) AS distinct
         FROM (SELECT benchmark_uniform() AS u FROM generate_series(1, 2000)) s`,
    );
    expect(rows[0].lo).toBeGreaterThanOrEqual(0);
    expect(rows[0].hi).toBeLessThan(1);
    expect(Number(rows[0].distinct)).toBe(2000);
    // 2000 draws: with probability 1 - 2 * 0.9^2000 both tails are hit.
    expect(rows[0].lo).toBeLessThan(0.1);
    expect(rows[0].hi).toBeGreaterThan(0.9);
  });

  it('orders periods by their first day, then month < quarter < half < year', async () => {
    const periods = [
      '2026',
      '2025-Q4',
      '2026-H1',
      '2026-Q1',
      '2026-01',
      '2026-02',
      '2025-12',
      '2026-H2',
      '2026-Q3',
    ];
    const { rows } = await admin.query<{ period: string; start: string }>(
      `SELECT p AS period, benchmark_period_start(p)::text AS start FROM unnest($1::text[]) p
        ORDER BY benchmark_period_start(p), benchmark_period_rank(p)`,
      [periods],
    );
    expect(rows.map((r) => r.period)).toEqual([
      '2025-Q4',
      '2025-12',
      '2026-01',
      '2026-Q1',
      '2026-H1',
      '2026',
      '2026-02',
      '2026-Q3',
      '2026-H2',
    ]);
    expect(rows.find((r) => r.period === '2026-Q3')?.start).toBe('2026-07-01');
    expect(rows.find((r) => r.period === '2026-H2')?.start).toBe('2026-07-01');
  });

  it('grants the service role nothing on the stored releases nor on the mechanism', async () => {
    const { rows } = await admin.query<{
      owner: string;
      rls: boolean;
      select: boolean;
      insert: boolean;
      update: boolean;
      delete: boolean;
    }>(
      `SELECT pg_get_userbyid(c.relowner) AS owner, c.relrowsecurity AS rls,
              has_table_privilege($1, c.oid, 'SELECT') AS select, has_table_privilege($1, c.oid, 'INSERT') AS insert,
              has_table_privilege($1, c.oid, 'UPDATE') AS update, has_table_privilege($1, c.oid, 'DELETE') AS delete
         FROM pg_class c WHERE c.relname = 'benchmark_releases'`,
      [APP_ROLE],
    );
    expect(rows).toEqual([
      { owner: OWNER_ROLE, rls: false, select: false, insert: false, update: false, delete: false },
    ]);
    await expect(app.query('SELECT * FROM benchmark_releases')).rejects.toThrow(/permission denied/);
    await expect(app.query(`SELECT benchmark_quantile_draw('{1,2}', 0.5, 1, 0.5)`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query('SELECT benchmark_uniform()')).rejects.toThrow(/permission denied/);
    // The live-percentile function of migration 1764150003000 is gone.
    const old = await admin.query(`SELECT 1 FROM pg_proc WHERE proname = 'tenant_benchmark'`);
    expect(old.rows).toEqual([]);
  });
});
