import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy';

/** The selected tenant's benchmark release row, as tenant_benchmark_release() returns it. */
export interface ReleaseRow {
  size_band: string;
  own_score: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  epsilon: number | null;
  eligible_count: number | null;
  released_at: Date | null;
  minimum_eligible: number;
}

@Injectable()
export class BenchmarkRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * tenant_benchmark_release() (migration 1764150010000) is the only path to peers: SECURITY DEFINER, no parameters
   * (the band comes from the selected tenant). It returns the band's stored release of the day, making it on the
   * first read, and the tenant's own latest score.
   */
  async releaseOfSelectedTenant(): Promise<ReleaseRow | null> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<ReleaseRow[]>('SELECT * FROM tenant_benchmark_release()');
    return row ?? null;
  }
}
