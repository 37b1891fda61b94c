import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors';
import { TenantTransaction } from '../tenancy';
import type { Benchmark } from './benchmark.model';
import { quarterOf } from './release-mechanism';
import { SURVEY_2012 } from './survey-2012';

interface ReleaseRow {
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

export const RELEASE_SOURCE = 'RELEASE';

@Injectable()
export class BenchmarkService {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * tenant_benchmark_release() (migration 1764150010000) is the only path to peers: SECURITY DEFINER, no parameters
   * (the band comes from the selected tenant). It returns the band's stored release of the day, making it on the
   * first read, and the tenant's own latest score; the quarter is the own score placed against the release.
   */
  async ofSelectedTenant(): Promise<Benchmark> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<ReleaseRow[]>('SELECT * FROM tenant_benchmark_release()');
    if (!row) throw new AppError('INTERNAL_SERVER_ERROR', 'No benchmark for the selected tenant');
    const base = {
      sizeBand: row.size_band,
      percentile: null,
      minimumPeers: row.minimum_eligible,
      ownScore: row.own_score,
    };
    if (row.p25 === null || row.p50 === null || row.p75 === null || row.released_at === null) {
      return {
        ...base,
        peerCount: 0,
        source: SURVEY_2012.source,
        release: null,
        quarter: null,
        survey: { ...SURVEY_2012, departments: { ...SURVEY_2012.departments } },
      };
    }
    const release = {
      p25: row.p25,
      p50: row.p50,
      p75: row.p75,
      releasedAt: row.released_at,
      epsilon: row.epsilon ?? 0,
    };
    return {
      ...base,
      peerCount: row.eligible_count ?? 0,
      source: RELEASE_SOURCE,
      release,
      quarter: row.own_score === null ? null : quarterOf(row.own_score, release),
      survey: null,
    };
  }
}
