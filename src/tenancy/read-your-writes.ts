import { Injectable } from '@nestjs/common';
import { SharedRedis } from '../redis';

/** How long a user's last write position is remembered: longer than any replication lag a replica should serve with. */
const REMEMBER_MS = 120_000;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** What is known about a user's last write: none (read anywhere), its WAL position, or unknown (read from the primary). */
export type LastWrite = { kind: 'none' } | { kind: 'lsn'; lsn: string } | { kind: 'unknown' };

/**
 * Read-your-writes by WAL position: after a user's mutation commits on the primary, its position
 * (pg_current_wal_lsn()) is kept for that user, in Redis when configured (every instance sees it; the next read may
 * come through another instance) or in this process's memory. A read by that user goes to the replica only if the
 * replica has replayed that far (pg_last_wal_replay_lsn()), checked in the replica transaction's first round trip;
 * otherwise on the primary. Chosen over "the primary for N seconds after a write" because it is right whatever the
 * lag (a replica restarting or catching up after an outage lags more than any fixed N) and sends reads back to the
 * replica as soon as it has caught up. When Redis does not answer, and for REMEMBER_MS after it is back (a restarted
 * Redis lost its keys; writes meanwhile went to each instance's memory), the last write is unknown: reads go to the primary.
 */
@Injectable()
export class ReadYourWrites {
  private readonly local = new Map<string, { lsn: string; until: number }>();

  constructor(private readonly redis: SharedRedis) {}

  async record(userId: string, lsn: string): Promise<void> {
    if (!LSN.test(lsn)) return;
    this.local.delete(userId);
    this.local.set(userId, { lsn, until: Date.now() + REMEMBER_MS });
    this.bound();
    await this.redis.run((client, key) => client.set(key(`ryw:${userId}`), lsn, 'PX', REMEMBER_MS), () => null);
  }

  async lastWriteOf(userId: string | null | undefined): Promise<LastWrite> {
    if (!userId) return { kind: 'none' };
    const fromMemory = (): LastWrite => {
      const mark = this.local.get(userId);
      return mark && mark.until > Date.now() ? { kind: 'lsn', lsn: mark.lsn } : { kind: 'none' };
    };
    if (!this.redis.configured) return fromMemory();
    // Within REMEMBER_MS of a Redis outage a position may be missing (written to another instance's memory, or lost by
    // a restarted Redis): unknown, so the read goes to the primary.
    if (!this.redis.continuousFor(REMEMBER_MS)) return { kind: 'unknown' };
    return this.redis.run<LastWrite>(
      async (client, key) => {
        const lsn = await client.get(key(`ryw:${userId}`));
        return lsn && LSN.test(lsn) ? { kind: 'lsn', lsn } : { kind: 'none' };
      },
      () => ({ kind: 'unknown' }),
    );
  }

  private bound(): void {
    if (this.local.size <= 10_000) return;
    const now = Date.now();
    for (const [user, mark] of this.local) {
      if (this.local.size <= 10_000 && mark.until > now) break;
      this.local.delete(user);
    }
  }
}
