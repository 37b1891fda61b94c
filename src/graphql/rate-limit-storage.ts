import type { ThrottlerStorage } from '@nestjs/throttler';
import type { SharedRedis } from '../redis';

/** What ThrottlerStorage#increment answers (the package does not export the record's type by name). */
export interface RateLimitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

interface Window {
  /** Expiry times of the hits in the window, oldest first; hits[head..] are the live ones. */
  hits: number[];
  head: number;
  expiresAt: number;
  isBlocked: boolean;
  blockExpiresAt: number;
  lastSeen: number;
}

/** Compacts a window's array once this many expired hits sit at its front. */
const COMPACT_AFTER = 1024;
const SWEEP_MS = 60_000;

/**
 * The throttler's in-memory sliding log with the semantics of @nestjs/throttler's ThrottlerStorageService (each hit
 * counts for `ttl`; over the limit the caller is blocked for `blockDuration`, then starts afresh), at O(1)
 * amortised cost per request. The package's storage copies the caller's whole hit list on every request (a filter
 * over every hit of the last minute): with generous limits that grew to tens of thousands of entries per request and
 * showed up in the benchmark's CPU profile. Hits are appended in time order, so expired ones are only ever at the
 * front: they are skipped with an index and cut off in batches.
 */
export class SlidingLogStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweeper: NodeJS.Timeout | undefined;

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<RateLimitRecord> {
    const now = Date.now();
    const id = `${throttlerName}\u0000${key}`;
    let w = this.windows.get(id);
    if (!w) {
      w = { hits: [], head: 0, expiresAt: now + ttl, isBlocked: false, blockExpiresAt: 0, lastSeen: now };
      this.windows.set(id, w);
      this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    }
    w.lastSeen = now;
    while (w.head < w.hits.length && w.hits[w.head] <= now) w.head += 1;
    if (w.head >= COMPACT_AFTER || (w.head > 0 && w.head === w.hits.length)) {
      w.hits = w.hits.slice(w.head);
      w.head = 0;
    }
    if (w.expiresAt <= now) w.expiresAt = now + ttl;
    const timeToExpire = Math.ceil((w.expiresAt - now) / 1000);

    if (blockDuration <= 0) {
      const isBlocked = w.hits.length - w.head >= limit;
      if (!isBlocked) w.hits.push(now + ttl);
      const live = w.hits.length - w.head;
      const timeToBlockExpire = isBlocked && live > 0 ? Math.ceil((w.hits[w.head] - now) / 1000) : 0;
      return Promise.resolve({ totalHits: live + (isBlocked ? 1 : 0), timeToExpire, isBlocked, timeToBlockExpire });
    }
    if (!w.isBlocked) w.hits.push(now + ttl);
    if (w.hits.length - w.head > limit && !w.isBlocked) {
      w.isBlocked = true;
      w.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = Math.ceil((w.blockExpiresAt - now) / 1000);
    if (timeToBlockExpire <= 0 && w.isBlocked) {
      w.isBlocked = false;
      w.hits = [now + ttl];
      w.head = 0;
    }
    return Promise.resolve({ totalHits: w.hits.length - w.head, timeToExpire, isBlocked: w.isBlocked, timeToBlockExpire });
  }

  /** Forgets callers with no live hit and no block (bounded memory for many one-off callers). */
  sweep(now = Date.now()): void {
    for (const [id, w] of this.windows) {
      const live = w.hits.length > w.head && w.hits[w.hits.length - 1] > now;
      if (!live && !(w.isBlocked && w.blockExpiresAt > now) && w.expiresAt <= now) this.windows.delete(id);
    }
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }
}

/**
 * One throttler window in Redis, atomically (one script, one round trip): while the block key lives the caller is
 * refused; otherwise INCR the window's counter (PEXPIRE on its first hit, so the window is `ttl` long), and over the
 * limit set the block key for `blockDuration` and drop the counter, so the caller starts afresh after the block: the
 * package's own storage's rules, counted once for all instances. A fixed window per caller rather than the in-memory
 * sliding log: one integer per caller and throttler in Redis instead of a list of hits.
 * Returns {totalHits, timeToExpire ms, isBlocked 0/1, timeToBlockExpire ms}.
 */
export const THROTTLE_LUA = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then ttl = 0 end
  return {tonumber(redis.call('GET', KEYS[1]) or '0') + 1, ttl, 1, blockTtl}
end
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block <= 0 then return {hits, ttl, 1, ttl} end
  redis.call('SET', KEYS[2], '1', 'PX', block)
  redis.call('DEL', KEYS[1])
  return {hits, ttl, 1, block}
end
return {hits, ttl, 0, 0}
`;

interface ThrottleCommand {
  smtThrottle(hitsKey: string, blockKey: string, ttl: number, limit: number, blockDuration: number): Promise<number[]>;
}

/**
 * The throttler's storage shared by every instance (REDIS_URL): counters in Redis (THROTTLE_LUA). Written here
 * rather than taken from @nest-lab/throttler-storage-redis, whose releases require Nest 10/11 (a peer conflict with
 * Nest 12). When Redis does not answer, the request is counted in this process's sliding log instead (fail open to
 * the per-instance limit, logged once by SharedRedis) and Redis is used again as soon as it answers.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: SharedRedis,
    private readonly local: SlidingLogStorage,
  ) {
    redis.defineScript('smtThrottle', 2, THROTTLE_LUA);
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<RateLimitRecord> {
    return this.redis.run(
      async (client, name) => {
        // One hash tag per caller: both keys land on the same slot of a Redis Cluster.
        const base = name(`throttle:{${throttlerName}:${key}}`);
        const [totalHits, ttlMs, blocked, blockMs] = await (client as unknown as ThrottleCommand).smtThrottle(
          `${base}:hits`,
          `${base}:block`,
          ttl,
          limit,
          blockDuration,
        );
        return {
          totalHits,
          timeToExpire: Math.ceil(ttlMs / 1000),
          isBlocked: blocked === 1,
          timeToBlockExpire: Math.ceil(blockMs / 1000),
        };
      },
      () => this.local.increment(key, ttl, limit, blockDuration, throttlerName),
    );
  }
}
