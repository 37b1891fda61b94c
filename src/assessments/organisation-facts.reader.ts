import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy';
import { assembleFacts, FACTS_SQL, type FactsRow, type OrganisationFacts } from './organisation-facts';

@Injectable()
export class OrganisationFactsReader {
  constructor(private readonly tx: TenantTransaction) {}

  /** The request tenant's facts as they are now, in the request's transaction. */
  async read(): Promise<OrganisationFacts> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<FactsRow[]>(FACTS_SQL);
    return assembleFacts(row);
  }
}
