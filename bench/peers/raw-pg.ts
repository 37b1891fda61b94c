/**
 * Peer (c): no HTTP, no GraphQL: `connections` loops on a pg pool sending exactly the SQL of a request (the
 * tenant protocol, the workload's statements, COMMIT). What the database and the driver allow: the ceiling.
 */
import { installChild, ready, requiredEnv } from '../lib/child';

installChild();

import { usePreparedStatements } from '../../src/database/prepared-statements';
import { Pool } from 'pg';
import type { BenchData } from '../lib/generate';
import { submissionFor, type WorkloadName } from '../lib/workloads';
import { portfolio } from './portfolio';
import { assessmentById, openTenant, commit, rollback, submitAssessment, type TenantProtocol } from './sql';

export interface RawRun {
  type: 'run';
  workload: WorkloadName;
  connections: number;
  durationMs: number;
  data: Pick<BenchData, 'reads' | 'dashboards' | 'submitters'>;
  /** Q3: the first submission number of this run, and the run's label (idempotency keys). */
  firstSubmission: number;
  label: string;
}

export interface RawResult {
  type: 'result';
  requests: number;
  errors: number;
  firstError?: string;
  durationMs: number;
  p50: number;
  p99: number;
  submissions: number;
}

const protocol = (process.env.BENCH_PROTOCOL ?? 'merged') as TenantProtocol;
/** Named statements, as the application sends them (src/database/prepared-statements.ts). */
const prepared = process.env.BENCH_PREPARED !== 'off';
const pool = new Pool({ connectionString: requiredEnv('BENCH_APP_URL'), max: Number(process.env.DB_POOL_SIZE ?? 10) });

async function one(run: RawRun, n: number, submission: () => number): Promise<void> {
  const client = await pool.connect();
  if (prepared) usePreparedStatements(client);
  try {
    if (run.workload === 'Q1') {
      const item = run.data.reads[n % run.data.reads.length];
      const role = await openTenant(client, protocol, item.userId, item.tenantId);
      if (!role) throw new Error('not a member');
      const row = await assessmentById(client, item.assessmentId);
      if (row?.id !== item.assessmentId || row.result.dimensions.length !== 7) throw new Error('wrong assessment');
    } else if (run.workload === 'Q2') {
      const item = run.data.dashboards[n % run.data.dashboards.length];
      await openTenant(client, protocol, item.userId, null);
      const result = (await portfolio(client)) as { entries: unknown[] };
      if (result.entries.length !== item.clients.length) throw new Error(`${result.entries.length} entries`);
    } else {
      const { ref, input } = submissionFor(submission(), run.data.submitters, run.label);
      const role = await openTenant(client, protocol, ref.userId, ref.tenantId);
      if (!role) throw new Error('not a member');
      const row = await submitAssessment(client, ref.userId, input, String(n));
      if (row.period !== input.period) throw new Error('wrong period');
    }
    await commit(client);
  } catch (e) {
    await rollback(client).catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function execute(run: RawRun): Promise<RawResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let counter = 0;
  let submissions = 0;
  const started = performance.now();
  const deadline = started + run.durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const n = counter++;
      const t0 = performance.now();
      try {
        await one(run, n, () => run.firstSubmission + submissions++);
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: run.connections }, loop));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { type: 'result', requests: latencies.length, errors, firstError, durationMs, p50: at(0.5), p99: at(0.99), submissions };
}

process.on('message', (message: RawRun) => {
  if (message?.type !== 'run') return;
  void execute(message).then((result) => process.send?.(result));
});

void pool
  .query('SELECT 1')
  .then(() => ready(0))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
