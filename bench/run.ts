/**
 * npm run bench [-- --quick] [-- --only Q1,Q3]
 *
 * One run: a fresh data set on PostgreSQL (embedded in .data/bench on port 54380, or DATABASE_URL's server),
 * then each workload (Q1 one assessment by id, Q2 a consultant's dashboard, Q3 submitAssessment) at 10 and 50
 * connections on the application and on its peers (bare Apollo + pg, PostGraphile 5, a raw pg loop), each its
 * own process, alternating A B A B over rounds; every response is checked. Then the scoring engine's rate and
 * the rescoring command's rate over stored snapshots. Prints a table and writes bench/results.json.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { rescoreAll } from '../src/jobs/rescore/rescore';
import { OWNER_ROLE } from '../src/database/roles';
import { CURRENT_MODEL_VERSION, getScoringModel, score } from '../src/scoring';
import { serverCpu, serverCpuDelta, spawnContender, type Contender } from './lib/contender';
import { APP_PASSWORD, BENCH_DATABASE, connect, freshDatabase, RESCORE_DATABASE, startServer } from './lib/database';
import { DEFAULT_SIZE, generateDataSet, generateSnapshots, QUICK_SIZE, sampleInputs, type BenchData } from './lib/generate';
import { serviceStart } from './lib/service-flags';
import { httpLoad, type HttpRequestSpec, type LoadResult } from './lib/load';
import { type Measurement, printReport, summarise } from './lib/report';
import { checkAssessment, parseBody, Q1_POSTGRAPHILE, Q1_QUERY, Q3_MUTATION, submissionFor, type WorkloadName } from './lib/workloads';
import { Q2_QUERY, Q2_POSTGRAPHILE, checkPortfolio, checkPostGraphilePortfolio } from './lib/portfolio-workload';
import { measureReports } from './lib/reports-workload';
import type { RawResult, RawRun } from './peers/raw-pg';
import { campaignResponseSpec, clientPageSpec } from './lib/client-workloads';
import { measureRoadmap } from './lib/roadmap-cost';

const JWT = { secret: 'bench-secret-bench-secret-bench-secret-123', issuer: 'social-maturity-api', audience: 'social-maturity-clients' };
const CONNECTIONS = [10, 50];

interface Settings {
  quick: boolean;
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  /** Before each measurement, unmeasured. */
  rewarmSeconds: number;
  snapshots: number;
  engineSeconds: number;
  workloads: WorkloadName[];
  contenders: string[];
  /** --only, --contenders, --rounds or --seconds narrowed the run. */
  partial: boolean;
}

function settings(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      contenders: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  return {
    quick,
    rounds: Number(values.rounds ?? (quick ? 2 : 3)),
    seconds: Number(values.seconds ?? (quick ? 2 : 5)),
    warmupSeconds: quick ? 1 : 2,
    rewarmSeconds: quick ? 0.5 : 1,
    snapshots: quick ? 10_000 : 100_000,
    engineSeconds: quick ? 1 : 3,
    workloads: (values.only?.split(',') as WorkloadName[] | undefined) ?? ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'],
    contenders:
      values.contenders?.split(',') ??
      ['ours', ...(process.env.BENCH_BASELINE_DIR ? ['baseline'] : []), 'bare-apollo', 'postgraphile', 'raw-pg'],
    partial: [values.only, values.contenders, values.rounds, values.seconds].some((v) => v !== undefined),
  };
}

const log = (line: string) => console.error(`[bench] ${line}`);

/** Which contenders run which workload. */
const PLAN: Record<WorkloadName, string[]> = {
  Q1: ['ours', 'baseline', 'bare-apollo', 'postgraphile', 'raw-pg'],
  Q2: ['ours', 'baseline', 'bare-apollo', 'postgraphile', 'raw-pg'],
  Q3: ['ours', 'baseline', 'bare-apollo', 'raw-pg'],
  // PostGraphile and the raw loop show "-": the client page and the response link are the service's own API.
  Q4: ['ours', 'baseline', 'bare-apollo'],
  Q5: ['ours', 'baseline', 'bare-apollo'],
};

function tokenOf(cache: Map<string, string>, userId: string): string {
  let token = cache.get(userId);
  if (!token) {
    token = jwt.sign({ sub: userId }, JWT.secret, {
      algorithm: 'HS256',
      issuer: JWT.issuer,
      audience: JWT.audience,
      expiresIn: 6 * 3600,
    });
    cache.set(userId, token);
  }
  return token;
}

async function main(): Promise<void> {
  const s = settings();
  const runStarted = Date.now();
  const runLabel = runStarted.toString(36);
  const loadAtStart = os.loadavg();
  log(`${s.quick ? 'quick' : 'full'} run: ${s.rounds} rounds x ${s.seconds} s, workloads ${s.workloads.join(' ')}`);
  const server = await startServer({ dir: path.resolve('.data/bench'), port: Number(process.env.BENCH_PG_PORT ?? 54380) }, log);
  const contenders: Contender[] = [];
  try {
    const db = await freshDatabase(server.serverUrl, BENCH_DATABASE);
    const admin = await connect(db.adminUrl);
    const size = s.quick ? QUICK_SIZE : DEFAULT_SIZE;
    const data = await generateDataSet(admin, size);
    await admin.end();
    log(`data set in ${data.millis} ms: ${JSON.stringify(data.counts)}`);

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.adminUrl,
      APP_DB_PASSWORD: APP_PASSWORD,
      BENCH_APP_URL: db.appUrl,
      JWT_SECRET: JWT.secret,
      JWT_ISSUER: JWT.issuer,
      JWT_AUDIENCE: JWT.audience,
      DB_POOL_SIZE: '10',
      RATE_LIMIT_PER_IP: '1000000000',
      RATE_LIMIT_PER_USER: '1000000000',
      RATE_LIMIT_SIGN_IN_PER_IP: '1000000000',
      BENCH_PROTOCOL: process.env.BENCH_PROTOCOL ?? 'merged',
    };
    const scripts: Record<string, [string, 'http' | 'raw', number]> = {
      ours: ['servers/app.js', 'http', 4101],
      'bare-apollo': ['peers/bare-apollo.js', 'http', 4102],
      postgraphile: ['peers/postgraphile.js', 'http', 4103],
      'raw-pg': ['peers/raw-pg.js', 'raw', 0],
      // Another build of the application (e.g. before an optimisation), for before/after numbers in one run.
      baseline: [path.join(process.env.BENCH_BASELINE_DIR ?? '.', 'bench/servers/app.js'), 'http', 4104],
    };
    for (const name of s.contenders) {
      const [script, kind, port] = scripts[name];
      const t0 = Date.now();
      // The application (and a baseline build of it) runs with the environment and Node flags of the start script.
      const start = name === 'ours' || name === 'baseline' ? serviceStart() : { env: {}, nodeFlags: [] };
      contenders.push(await spawnContender(name, kind, script, port, { ...env, ...start.env }, start.nodeFlags));
      log(`${name} ready in ${Date.now() - t0} ms, RSS ${contenders.at(-1)!.startRssMb.toFixed(0)} MB`);
    }

    const tokens = new Map<string, string>();
    let submission = 0;
    const responses = { responses: 0 };
    const specFor = (contender: string, workload: WorkloadName): HttpRequestSpec => {
      let n = 0;
      if (workload === 'Q4') return clientPageSpec(data, (userId) => tokenOf(tokens, userId));
      if (workload === 'Q5') return campaignResponseSpec(data, responses);
      if (workload === 'Q1') {
        return {
          next: () => {
            const item = data.reads[n++ % data.reads.length];
            const headers = { authorization: `Bearer ${tokenOf(tokens, item.userId)}`, 'x-tenant-id': item.tenantId };
            if (contender === 'postgraphile') {
              return {
                body: JSON.stringify({ query: Q1_POSTGRAPHILE, variables: { tenantId: item.tenantId, id: item.assessmentId } }),
                headers,
                check: (status, body) => why(checkAssessment(status, body, 'assessment', { id: item.assessmentId })),
              };
            }
            return {
              body: JSON.stringify({ query: Q1_QUERY, variables: { id: item.assessmentId } }),
              headers,
              check: (status, body) => why(checkAssessment(status, body, 'assessment', { id: item.assessmentId })),
            };
          },
        };
      }
      if (workload === 'Q2') {
        return {
          next: () => {
            const item = data.dashboards[n++ % data.dashboards.length];
            const headers: Record<string, string> = { authorization: `Bearer ${tokenOf(tokens, item.userId)}` };
            if (contender === 'postgraphile') {
              headers['x-portfolio'] = 'on';
              return {
                body: JSON.stringify({ query: Q2_POSTGRAPHILE }),
                headers,
                check: (status, body) => checkPostGraphilePortfolio(status, parseBody(body), body, item.clients),
              };
            }
            return {
              body: JSON.stringify({ query: Q2_QUERY }),
              headers,
              check: (status, body) => checkPortfolio(status, parseBody(body), body, item.clients),
            };
          },
        };
      }
      return {
        next: () => {
          const { ref, input } = submissionFor(submission++, data.submitters, runLabel);
          return {
            body: JSON.stringify({ query: Q3_MUTATION, variables: { input } }),
            headers: { authorization: `Bearer ${tokenOf(tokens, ref.userId)}`, 'x-tenant-id': ref.tenantId },
            check: (status, body) => why(checkAssessment(status, body, 'submitAssessment', { period: input.period })),
          };
        },
      };
    };

    const rawRun = (c: Contender, workload: WorkloadName, connections: number, seconds: number): Promise<LoadResult> =>
      new Promise((resolve) => {
        const message: RawRun = {
          type: 'run',
          workload,
          connections,
          durationMs: seconds * 1000,
          data: { reads: data.reads, dashboards: data.dashboards, submitters: data.submitters },
          firstSubmission: submission,
          label: runLabel,
        };
        const onMessage = (m: RawResult) => {
          if (m?.type !== 'result') return;
          c.child.off('message', onMessage);
          submission += m.submissions;
          resolve({
            requests: m.requests,
            durationMs: m.durationMs,
            rps: m.requests / (m.durationMs / 1000),
            p50: m.p50,
            p99: m.p99,
            errors: m.errors,
            firstError: m.firstError,
          });
        };
        c.child.on('message', onMessage);
        c.child.send(message);
      });

    const drive = (c: Contender, workload: WorkloadName, connections: number, seconds: number) =>
      c.kind === 'raw' ? rawRun(c, workload, connections, seconds) : httpLoad(c.port, connections, seconds, specFor(c.name, workload));

    const measurements: Measurement[] = [];
    for (const workload of s.workloads) {
      const running = contenders.filter((c) => PLAN[workload].includes(c.name));
      for (const c of running) {
        const warm = await drive(c, workload, 10, s.warmupSeconds);
        if (warm.errors > 0) throw new Error(`${c.name} ${workload} warm-up: ${warm.errors} errors, first: ${warm.firstError}`);
      }
      for (let round = 0; round < s.rounds; round += 1) {
        for (const connections of CONNECTIONS) {
          const order = round % 2 === 0 ? running : [...running].reverse();
          for (const c of order) {
            // Pools close connections idle for 10 s (while the others ran): reopen them, unmeasured.
            const rewarm = await drive(c, workload, connections, s.rewarmSeconds);
            if (rewarm.errors > 0) throw new Error(`${c.name} ${workload} re-warm: ${rewarm.errors} errors, first: ${rewarm.firstError}`);
            const before = await c.stats();
            const cpuBefore = c.cpuMs();
            const dbBefore = serverCpu(server.postmasterPid);
            // The allocation is read twice while the load runs (at 10% and 90% of it), per request done between the
            // readings: requests straddle both readings alike, so none is counted twice or half; the requests the
            // load generator abandons at its end (which the service still serves, in part) fall outside.
            const allocation = c.kind === 'http' ? allocationUnderLoad(c, s.seconds) : null;
            const result = await drive(c, workload, connections, s.seconds);
            const allocated = await allocation;
            const after = await c.stats();
            const cpuAfter = c.cpuMs();
            const dbAfter = serverCpu(server.postmasterPid);
            const dbMs = serverCpuDelta(dbBefore, dbAfter);
            if (result.errors > 0) {
              throw new Error(`${c.name} ${workload} at ${connections} connections: ${result.errors} errors, first: ${result.firstError}`);
            }
            const requests = Math.max(1, result.requests);
            const m: Measurement = {
              workload,
              connections,
              contender: c.name,
              round,
              requests: result.requests,
              rps: result.rps,
              p50: result.p50,
              p99: result.p99,
              sqlPerRequest: (after.queries - before.queries) / requests,
              cpuMsPerRequest: (cpuAfter - cpuBefore) / requests,
              dbCpuMsPerRequest: dbMs === null ? null : dbMs / requests,
              // The raw-pg contender serves no HTTP: its bytes over the whole run, and they include its own load loop.
              allocKbPerRequest: allocated ?? (after.allocatedBytes - before.allocatedBytes) / 1024 / requests,
            };
            measurements.push(m);
            log(
              `${workload} c=${connections} round ${round + 1} ${c.name}: ${m.rps.toFixed(0)} req/s p50 ${m.p50.toFixed(1)} p99 ${m.p99.toFixed(1)} ms, ` +
                `${m.sqlPerRequest.toFixed(2)} sql/req, ${m.cpuMsPerRequest.toFixed(3)} cpu ms/req, ${m.allocKbPerRequest.toFixed(1)} alloc KB/req`,
            );
          }
        }
      }
    }
    // BENCH_ALLOC_PROFILE=<dir>: the allocation profiles cover the workloads' measurements, not the reports.
    if (process.env.BENCH_ALLOC_PROFILE) for (const c of contenders) await c.finishAllocationProfile();
    const ours = contenders.find((c) => c.name === 'ours');
    // The peak of the workloads alone; the one below (the target's) includes rendering the reports after them.
    const peakRssBeforeReports = Object.fromEntries(contenders.map((c) => [c.name, c.peakRssMb()]));
    log(`peak RSS before the reports (MB): ${Object.entries(peakRssBeforeReports).map(([n, v]) => `${n} ${v.toFixed(0)}`).join(', ')}`);
    const reports = ours ? await measureReports(ours.port, data, (id) => tokenOf(tokens, id), s.quick ? 6 : 20, log) : null;
    const peakRss = Object.fromEntries(contenders.map((c) => [c.name, c.peakRssMb()]));
    const memory: Record<string, Record<string, number>> = {};
    // BENCH_HEAP_SNAPSHOT=1: a heap snapshot of each contender in .data/bench-profiles (memory is then the live heap).
    const snapshots = process.env.BENCH_HEAP_SNAPSHOT ? path.resolve('.data/bench-profiles') : undefined;
    if (snapshots) mkdirSync(snapshots, { recursive: true });
    for (const c of contenders) {
      const { memory: m } = await c.stats(snapshots);
      memory[c.name] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v / 2 ** 20)]));
      log(`${c.name} memory at the end (MB): ${JSON.stringify(memory[c.name])}, peak RSS ${peakRss[c.name].toFixed(0)}`);
    }
    const startRss = Object.fromEntries(contenders.map((c) => [c.name, c.startRssMb]));
    for (const c of contenders) await c.stop();
    contenders.length = 0;

    const scoring = await measureScoring(server.serverUrl, s, log);
    const roadmapCost = measureRoadmap(s.engineSeconds);
    log(`roadmap: ${roadmapCost.msPerRoadmap.toFixed(2)} ms per computed roadmap (${roadmapCost.roadmaps} in ${roadmapCost.seconds.toFixed(1)} s)`);
    const summary = summarise(measurements, peakRss, { roadmapMs: roadmapCost.msPerRoadmap, reportPdf: reports?.find((r) => r.kind === 'assessment-pdf') ?? null });
    const results = {
      generatedAt: new Date().toISOString(),
      mode: s.quick ? 'quick' : 'full',
      durationSeconds: Math.round((Date.now() - runStarted) / 1000),
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg() },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      database: { embedded: server.embedded, version: server.version },
      settings: { ...s, connections: CONNECTIONS, poolSize: 10, tenantProtocol: env.BENCH_PROTOCOL },
      dataSet: { size, counts: data.counts, millis: data.millis, consultants: data.consultants.map((c) => c.clients) },
      rssAtStartMb: startRss,
      peakRssBeforeReportsMb: peakRssBeforeReports,
      memoryAtEndMb: memory,
      ...summary,
      scoring,
      reports,
      roadmap: roadmapCost,
      measurements,
    };
    printReport(results);
    // Only a complete run (every workload, every contender, the default rounds) replaces the reference results.
    const complete = !s.quick && !s.partial;
    const file = complete ? path.resolve('bench/results.json') : path.resolve('.data/bench-results-partial.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${path.relative(process.cwd(), file)} (${results.durationSeconds} s)`);
  } finally {
    for (const c of contenders) await c.stop();
    await server.stop();
  }
}

/** KB allocated per HTTP request done between two readings taken at 10% and 90% of a load of `seconds`. */
async function allocationUnderLoad(c: Contender, seconds: number): Promise<number> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(seconds * 100);
  const first = await c.stats();
  await sleep(seconds * 800);
  const second = await c.stats();
  if (process.env.BENCH_ALLOC_WINDOWS) {
    log(
      `alloc window ${c.name}: ${first.atMs.toFixed(0)}-${second.atMs.toFixed(0)} ms, ${second.httpDone - first.httpDone} requests done, ` +
        `${second.allocatedBytes - first.allocatedBytes} bytes, ${second.collections - first.collections} GCs`,
    );
  }
  return (second.allocatedBytes - first.allocatedBytes) / 1024 / Math.max(1, second.httpDone - first.httpDone);
}

function why(check: { ok: boolean; why?: string }): string | null {
  return check.ok ? null : (check.why ?? 'wrong response');
}

async function measureScoring(serverUrl: string, s: Settings, say: (l: string) => void) {
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  const inputs = sampleInputs(512);
  for (let i = 0; i < 2000; i += 1) score(inputs[i % inputs.length], model); // warm-up
  let scored = 0;
  const t0 = performance.now();
  const until = t0 + s.engineSeconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i += 1) score(inputs[(scored + i) % inputs.length], model);
    scored += 100;
  }
  const engine = { assessments: scored, seconds: (performance.now() - t0) / 1000, perSecond: 0 };
  engine.perSecond = engine.assessments / engine.seconds;
  say(`engine: ${engine.perSecond.toFixed(0)} assessments/s`);

  const db = await freshDatabase(serverUrl, RESCORE_DATABASE);
  const admin = await connect(db.adminUrl);
  const generated = await generateSnapshots(admin, s.snapshots);
  await admin.end();
  say(`${s.snapshots} snapshots generated in ${generated.millis} ms`);
  const pool = new Pool({ connectionString: db.adminUrl, max: 1, options: `-c role=${OWNER_ROLE}` });
  const r0 = performance.now();
  const summary = await rescoreAll(pool, CURRENT_MODEL_VERSION, { batchSize: 500 });
  const seconds = (performance.now() - r0) / 1000;
  await pool.end();
  if (summary.scored !== s.snapshots || summary.failed > 0) {
    throw new Error(`rescoring stored ${summary.scored} of ${s.snapshots} (${summary.failed} failed)`);
  }
  const rescore = { snapshots: s.snapshots, generateMillis: generated.millis, seconds, perSecond: summary.scored / seconds };
  say(`rescore: ${rescore.perSecond.toFixed(0)} snapshots/s over ${s.snapshots}`);
  return { modelVersion: CURRENT_MODEL_VERSION, engine, rescore };
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});

export type { BenchData };
