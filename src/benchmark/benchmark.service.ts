import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import type { Benchmark } from './benchmark.model';
import { SURVEY_2012 } from './survey-2012';

interface BenchmarkRow {
  size_band: string;
  peer_count: number | null;
  percentile: number | null;
  own_score: number | null;
  minimum_peers: number;
}

@Injectable()
export class BenchmarkService {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * tenant_benchmark() (migration 1764150003000) is the only path to peers: SECURITY DEFINER, no parameters (the
   * band comes from the selected tenant), aggregates only and nothing below 5 peers. Peers exclude every tenant
   * sharing a member with the selected one, so an account cannot fill a band with its own tenants to isolate one
   * real peer, and every member of a tenant sees the same benchmark.
   */
  async ofSelectedTenant(): Promise<Benchmark> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<BenchmarkRow[]>('SELECT * FROM tenant_benchmark()');
    if (!row) throw new AppError('INTERNAL_SERVER_ERROR', 'No benchmark for the selected tenant');
    const peers = row.peer_count !== null;
    return {
      sizeBand: row.size_band,
      peerCount: row.peer_count ?? 0,
      percentile: peers ? row.percentile : null,
      source: peers ? 'PEERS' : SURVEY_2012.source,
      minimumPeers: row.minimum_peers,
      ownScore: row.own_score,
      survey: peers ? null : { ...SURVEY_2012, departments: { ...SURVEY_2012.departments } },
    };
  }
}
