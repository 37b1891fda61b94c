import type { CampaignAggregate, DepartmentAggregate } from '../scoring';

/** What a closed campaign keeps of its responses: the aggregate per item and per department, and the counts. */
export interface StoredAggregate extends Pick<CampaignAggregate, 'items' | 'answers'> {
  responses: number;
  invited: number;
  departments: DepartmentAggregate[];
}
