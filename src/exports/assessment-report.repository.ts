import { Injectable } from '@nestjs/common';
import type { ScoringInputs, ScoringResult, Stage } from '../scoring';
import { TenantTransaction } from '../tenancy/tenant-transaction';

export interface AssessmentReportRow {
  id: string;
  period: string;
  submitted_at: Date;
  superseded_at: Date | null;
  model_version: string;
  overall_score: number;
  stage: Stage;
  inputs: ScoringInputs;
  result: ScoringResult;
  tenant_id: string;
  tenant_name: string;
}

@Injectable()
export class AssessmentReportRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** One assessment of the selected tenant with its full snapshot; row-level security hides any other tenant's. */
  async find(id: string): Promise<AssessmentReportRow | null> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<AssessmentReportRow[]>(
      `SELECT a.id, a.period, a.submitted_at, a.superseded_at, a.model_version, a.overall_score, a.stage, a.inputs,
              a.result, t.id AS tenant_id, t.name AS tenant_name
         FROM assessments a JOIN tenants t ON t.id = a.tenant_id
        WHERE a.id = $1 AND a.tenant_id = app_current_tenant()`,
      [id],
    );
    return row ?? null;
  }
}
