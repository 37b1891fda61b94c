/**
 * The side of a contender process that talks to the orchestrator: it counts the SQL round trips its pg clients
 * make (every Client#query call is one round trip: a simple-protocol string with several statements is one too),
 * and answers `stats` requests over IPC. Load it before anything that imports pg.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Session } from 'node:inspector';
import path from 'node:path';
import v8 from 'node:v8';
import pg from 'pg';
import { AllocationCounter } from './allocation';

let queries = 0;
/** HTTP requests answered or abandoned by their client (their response closed). */
let httpDone = 0;

export interface ChildStats {
  type: 'stats';
  queries: number;
  cpu: NodeJS.CpuUsage;
  rss: number;
  memory: NodeJS.MemoryUsage;
  /** Bytes allocated on the V8 heap since the process started its counter (lib/allocation.ts). */
  allocatedBytes: number;
  /** Garbage collections since then. */
  collections: number;
  /** HTTP requests answered or abandoned so far. */
  httpDone: number;
  /** performance.now() when the stats were taken (to match --trace-gc's lines, ms since the isolate started). */
  atMs: number;
}

/**
 * BENCH_ALLOC_PROFILE=<dir>: a sampling heap profile of every allocation, the collected ones included (unlike
 * --heap-prof, which keeps only what is live at its end), from the first `stats` request (after start-up and
 * warm-up) to the `alloc-profile-stop` request (before the reports are measured) or the process's end, written as <dir>/<contender>.heapprofile (Chrome DevTools: Memory, load).
 */
function allocationProfiler(): { start(): void; finish(): Promise<void> } | null {
  const dir = process.env.BENCH_ALLOC_PROFILE;
  if (!dir) return null;
  const session = new Session();
  let state: 'idle' | 'sampling' | 'written' = 'idle';
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  return {
    start() {
      if (state !== 'idle') return;
      state = 'sampling';
      session.connect();
      void post('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        // BENCH_ALLOC_PROFILE_SURVIVORS=1: only what survived a scavenge (promoted to the old generation, or live).
        includeObjectsCollectedByMinorGC: process.env.BENCH_ALLOC_PROFILE_SURVIVORS !== '1',
      });
    },
    async finish() {
      if (state !== 'sampling') return;
      state = 'written';
      const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
      writeFileSync(path.join(dir, `${process.env.BENCH_CONTENDER ?? process.pid}.heapprofile`), JSON.stringify(profile));
    },
  };
}

export function installChild(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function countedQuery(this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    (message as { response: ServerResponse }).response.once('close', () => {
      httpDone += 1;
    });
  });
  const allocation = new AllocationCounter();
  const profiler = allocationProfiler();
  const exit = () => void (profiler?.finish() ?? Promise.resolve()).finally(() => process.exit(0));
  process.on('message', (message: { type?: string; heapSnapshotDir?: string }) => {
    if (message?.type === 'alloc-profile-stop') {
      void (profiler?.finish() ?? Promise.resolve()).then(() => process.send?.({ type: 'alloc-profile-stopped' }));
    }
    if (message?.type === 'stats') sendStats(message.heapSnapshotDir);
  });
  const sendStats = (heapSnapshotDir?: string) => {
    profiler?.start();
    // A heap snapshot (BENCH_HEAP_SNAPSHOT=1) collects garbage first: heapUsed after it is the live heap.
    if (heapSnapshotDir) {
      const file = path.join(heapSnapshotDir, `${process.env.BENCH_CONTENDER ?? process.pid}.heapsnapshot`);
      v8.writeHeapSnapshot(file);
    }
    const { allocatedBytes, collections } = allocation.read();
    const memory = process.memoryUsage();
    const stats: ChildStats = {
      type: 'stats',
      queries,
      cpu: process.cpuUsage(),
      rss: memory.rss,
      memory,
      allocatedBytes,
      collections,
      httpDone,
      atMs: performance.now(),
    };
    process.send?.(stats);
  };
  process.on('disconnect', exit);
  // A clean exit on SIGTERM, so --cpu-prof (BENCH_PROFILE) and BENCH_ALLOC_PROFILE can write their profiles.
  process.on('SIGTERM', exit);
}

export function ready(port: number): void {
  process.send?.({ type: 'ready', port });
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
