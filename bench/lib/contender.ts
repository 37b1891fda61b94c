import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildStats } from './child';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface Contender {
  name: string;
  kind: 'http' | 'raw';
  port: number;
  child: ChildProcess;
  /** Counters and memory; with a folder, a heap snapshot is written there first (after a full GC). */
  stats(heapSnapshotDir?: string): Promise<ChildStats>;
  /** Writes the BENCH_ALLOC_PROFILE sampling heap profile now (lib/child.ts); nothing without it. */
  finishAllocationProfile(): Promise<void>;
  /** utime + stime of the process, in ms (from /proc). */
  cpuMs(): number;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** Resident set size once started, before any load (MB). */
  startRssMb: number;
  stop(): Promise<void>;
}

export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU of a PostgreSQL server per process (ms): the postmaster and every backend it forked. Compare two snapshots
 * with serverCpuDelta: backends come and go (pools close idle connections), so totals cannot be subtracted.
 */
export function serverCpu(postmasterPid: number | null): Map<number, number> | null {
  if (!postmasterPid) return null;
  const cpu = new Map<number, number>([[postmasterPid, cpuMsOf(postmasterPid)]]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === postmasterPid) cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // the process ended meanwhile
    }
  }
  return cpu;
}

/** CPU used between two snapshots by the processes alive at the second (one that ended meanwhile is missed). */
export function serverCpuDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export function rssMbOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function peakRssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** BENCH_ENV_<name>="A=1 B=2": extra environment for one contender (e.g. MALLOC_ARENA_MAX). */
function extraEnv(name: string): Record<string, string> {
  const spec = process.env[`BENCH_ENV_${name.replace(/-/g, '_')}`] ?? '';
  return Object.fromEntries(spec.split(' ').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
}

/** Spawns one contender as its own Node process and waits for it to listen. */
export async function spawnContender(
  name: string,
  kind: 'http' | 'raw',
  script: string,
  port: number,
  env: Record<string, string>,
  nodeFlags: string[] = [],
  timeoutMs = 120_000,
): Promise<Contender> {
  const child = fork(path.isAbsolute(script) ? script : path.resolve(__dirname, '..', script), [], {
    env: { ...process.env, ...env, ...extraEnv(name), BENCH_PORT: String(port), BENCH_CONTENDER: name },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [
      ...(process.env.BENCH_PROFILE?.split(',').includes(name)
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('.data/bench-profiles')}`]
        : []),
      ...nodeFlags,
      // Extra Node flags for one contender, e.g. BENCH_NODE_FLAGS_ours="--max-semi-space-size=8".
      ...(process.env[`BENCH_NODE_FLAGS_${name.replace(/-/g, '_')}`]?.split(' ').filter(Boolean) ?? []),
    ],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready`));
    });
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`contender ${name} exited (${code ?? signal}) during the run`);
      process.exitCode = 1;
    }
  });
  let stopping = false;
  const pid = child.pid!;
  /** Sends a request to the child (lib/child.ts) and waits for its answer of that type. */
  const ask = <T extends { type?: string }>(message: object, answer: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: T) => {
        if (m?.type !== answer) return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    startRssMb: rssMbOf(pid),
    name,
    kind,
    port,
    child,
    stats: (heapSnapshotDir?: string) => ask<ChildStats>({ type: 'stats', heapSnapshotDir }, 'stats'),
    finishAllocationProfile: () => ask({ type: 'alloc-profile-stop' }, 'alloc-profile-stopped').then(() => undefined),
    cpuMs: () => cpuMsOf(pid),
    peakRssMb: () => peakRssMbOf(pid),
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
