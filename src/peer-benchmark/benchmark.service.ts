import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors';
import type { Benchmark } from './benchmark.model';
import { BenchmarkRepository } from './benchmark.repository';
import { quarterOf } from './release-mechanism';
import { SURVEY_2012 } from './survey-2012';

export const RELEASE_SOURCE = 'RELEASE';

@Injectable()
export class BenchmarkService {
  constructor(private readonly releases: BenchmarkRepository) {}

  /** The band's release of the day (BenchmarkRepository) and the own score's quarter placed against it. */
  async ofSelectedTenant(): Promise<Benchmark> {
    const row = await this.releases.releaseOfSelectedTenant();
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
