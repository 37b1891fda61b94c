/**
 * The side of a contender process that talks to the orchestrator: it counts the SQL round trips its pg clients
 * make (every Client#query call is one round trip: a simple-protocol string with several statements is one too),
 * and answers `stats` requests over IPC. Load it before anything that imports pg.
 */
import path from 'node:path';
import v8 from 'node:v8';
import pg from 'pg';

let queries = 0;

export interface ChildStats {
  type: 'stats';
  queries: number;
  cpu: NodeJS.CpuUsage;
  rss: number;
  memory: NodeJS.MemoryUsage;
}

export function installChild(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function countedQuery(this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  process.on('message', (message: { type?: string; heapSnapshotDir?: string }) => {
    if (message?.type === 'stats') {
      // A heap snapshot (BENCH_HEAP_SNAPSHOT=1) collects garbage first: heapUsed after it is the live heap.
      if (message.heapSnapshotDir) {
        const file = path.join(message.heapSnapshotDir, `${process.env.BENCH_CONTENDER ?? process.pid}.heapsnapshot`);
        v8.writeHeapSnapshot(file);
      }
      const memory = process.memoryUsage();
      const stats: ChildStats = { type: 'stats', queries, cpu: process.cpuUsage(), rss: memory.rss, memory };
      process.send?.(stats);
    }
  });
  process.on('disconnect', () => process.exit(0));
  // A clean exit on SIGTERM, so --cpu-prof (BENCH_PROFILE) can write its profile.
  process.on('SIGTERM', () => process.exit(0));
}

export function ready(port: number): void {
  process.send?.({ type: 'ready', port });
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
