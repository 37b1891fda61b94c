import type { WorkloadName } from './workloads';

export interface Measurement {
  workload: WorkloadName;
  connections: number;
  contender: string;
  round: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  sqlPerRequest: number;
  cpuMsPerRequest: number;
  dbCpuMsPerRequest: number | null;
}

export interface SummaryRow {
  workload: WorkloadName;
  connections: number;
  contender: string;
  rounds: number;
  rps: number;
  p50: number;
  p99: number;
  sqlPerRequest: number;
  cpuMsPerRequest: number;
  dbCpuMsPerRequest: number | null;
  peakRssMb: number;
  /** Median over rounds of (ours / this contender) req/s, each round's pair measured back to back. */
  oursRatio: number | null;
}

export interface Target {
  name: string;
  goal: string;
  value: number | null;
  met: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(measurements: Measurement[], peakRss: Record<string, number>) {
  const keys = [...new Set(measurements.map((m) => `${m.workload}|${m.connections}|${m.contender}`))];
  const rows: SummaryRow[] = keys.map((key) => {
    const [workload, connections, contender] = key.split('|');
    const ms = measurements.filter((m) => m.workload === workload && m.connections === Number(connections) && m.contender === contender);
    const ours = measurements.filter((m) => m.workload === workload && m.connections === Number(connections) && m.contender === 'ours');
    const ratios = ms
      .map((m) => {
        const o = ours.find((x) => x.round === m.round);
        return o ? o.rps / m.rps : NaN;
      })
      .filter(Number.isFinite);
    const db = ms.map((m) => m.dbCpuMsPerRequest).filter((v): v is number => v !== null);
    return {
      workload: workload as WorkloadName,
      connections: Number(connections),
      contender,
      rounds: ms.length,
      rps: median(ms.map((m) => m.rps)),
      p50: median(ms.map((m) => m.p50)),
      p99: median(ms.map((m) => m.p99)),
      sqlPerRequest: median(ms.map((m) => m.sqlPerRequest)),
      cpuMsPerRequest: median(ms.map((m) => m.cpuMsPerRequest)),
      dbCpuMsPerRequest: db.length ? median(db) : null,
      peakRssMb: peakRss[contender] ?? NaN,
      oursRatio: contender === 'ours' || ratios.length === 0 ? null : median(ratios),
    };
  });
  const row = (w: WorkloadName, c: number, who: string) => rows.find((r) => r.workload === w && r.connections === c && r.contender === who);
  const targets: Target[] = [];
  const add = (name: string, goal: string, value: number | null | undefined, ok: (v: number) => boolean) => {
    if (value === undefined || value === null || !Number.isFinite(value)) return;
    targets.push({ name, goal, value, met: ok(value) });
  };
  for (const c of [10, 50]) {
    add(`Q1 ours/bare-apollo req/s @${c}`, '>= 0.6', row('Q1', c, 'bare-apollo')?.oursRatio, (v) => v >= 0.6);
    add(`Q2 ours/postgraphile req/s @${c}`, '>= 1.0', row('Q2', c, 'postgraphile')?.oursRatio, (v) => v >= 1.0);
  }
  add('Q2 ours SQL round trips per request', '<= 6', row('Q2', 10, 'ours')?.sqlPerRequest, (v) => v <= 6);
  add('Q1 ours p99 @10 (ms)', '<= 25', row('Q1', 10, 'ours')?.p99, (v) => v <= 25);
  add('Q2 ours p99 @10 (ms)', '<= 25', row('Q2', 10, 'ours')?.p99, (v) => v <= 25);
  add('Q3 ours submissions/s @10', '>= 500', row('Q3', 10, 'ours')?.rps, (v) => v >= 500);
  add('ours peak RSS under load (MB)', '< 300', peakRss.ours, (v) => v < 300);
  return { summary: rows, targets };
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits));

export function printReport(results: {
  summary: SummaryRow[];
  targets: Target[];
  scoring: { engine: { perSecond: number }; rescore: { perSecond: number; snapshots: number; seconds: number } };
  database: { version: string; embedded: boolean };
  mode: string;
}): void {
  const header = ['workload', 'conns', 'contender', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'CPU ms/req', 'DB CPU ms/req', 'peak RSS MB', 'ours/this'];
  const lines = results.summary.map((r) => [
    r.workload,
    String(r.connections),
    r.contender,
    fmt(r.rps, 0),
    fmt(r.p50),
    fmt(r.p99),
    fmt(r.sqlPerRequest, 2),
    fmt(r.cpuMsPerRequest, 3),
    fmt(r.dbCpuMsPerRequest, 3),
    fmt(r.peakRssMb, 0),
    r.oursRatio === null ? '' : fmt(r.oursRatio, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nBenchmark (${results.mode}; PostgreSQL ${results.database.version}${results.database.embedded ? ' embedded' : ''}; medians over rounds)`);
  console.log(render(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(render(l));
  const { engine, rescore } = results.scoring;
  console.log(`\nScoring engine: ${fmt(engine.perSecond, 0)} assessments/s (one core)`);
  console.log(`Rescoring: ${fmt(rescore.perSecond, 0)} snapshots/s (${rescore.snapshots} stored snapshots in ${fmt(rescore.seconds, 1)} s)`);
  console.log('\nTargets');
  for (const t of results.targets) console.log(`  ${t.met ? 'MET   ' : 'MISSED'} ${t.name}: ${fmt(t.value, 2)} (goal ${t.goal})`);
}
