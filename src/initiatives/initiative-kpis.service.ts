import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { groupByKeys, RequestLoaders } from '../graphql';
import type { KpiInput } from './dto/kpi.input';
import type { Kpi } from './initiative.model';
import { InitiativesRepository } from './initiatives.repository';

const KPIS_OF_INITIATIVE = 'initiatives:kpis-of-initiative';

/** The KPIs of initiatives: stored in the order given, read in one batch for all initiatives of a request. */
@Injectable()
export class InitiativeKpisService {
  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly loaders: RequestLoaders,
  ) {}

  kpisOf(initiativeId: string): Promise<Kpi[]> {
    return this.loader().load(initiativeId);
  }

  /** Stores the KPIs of a new initiative (one statement) and hands them to the loader. */
  async add(initiativeId: string, kpis: KpiInput[]): Promise<void> {
    const stored = kpis.map((kpi) => ({ name: kpi.name.trim(), kind: kpi.kind }));
    if (stored.length > 0) await this.initiatives.insertKpis(initiativeId, stored);
    this.loader().clear(initiativeId).prime(initiativeId, stored);
  }

  /** Replaces all KPIs of an initiative. */
  async replace(initiativeId: string, kpis: KpiInput[]): Promise<void> {
    await this.initiatives.deleteKpis(initiativeId);
    await this.add(initiativeId, kpis);
  }

  forget(initiativeId: string): void {
    this.loader().clear(initiativeId);
  }

  private loader(): DataLoader<string, Kpi[]> {
    return this.loaders.get<string, Kpi[]>(KPIS_OF_INITIATIVE, async (ids) =>
      groupByKeys(ids, await this.initiatives.kpisOf(ids), (row) => row.initiativeId).map((group) =>
        group.map((row) => ({ name: row.name, kind: row.kind })),
      ),
    );
  }
}
