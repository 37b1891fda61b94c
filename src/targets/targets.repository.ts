import { Injectable } from '@nestjs/common';
import type { Stage } from '../scoring';
import { TenantTransaction } from '../tenancy';
import type { Target } from './target.model';

interface TargetRow {
  stage: Stage;
  due_at: Date | null;
}

/** tenant_targets, through the request's transaction (row-level security: the request's tenant only). */
@Injectable()
export class TargetsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async find(): Promise<Target | null> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<TargetRow[]>('SELECT stage, due_at FROM tenant_targets');
    return row ? toTarget(row) : null;
  }

  /** One upsert: the tenant has at most one target. */
  async upsert(stage: Stage, dueAt: Date | null): Promise<Target> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<TargetRow[]>(
      `INSERT INTO tenant_targets (stage, due_at) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET stage = excluded.stage, due_at = excluded.due_at, updated_at = now()
       RETURNING stage, due_at`,
      [stage, dueAt],
    );
    return toTarget(row);
  }
}

function toTarget(row: TargetRow): Target {
  return { stage: row.stage, dueAt: row.due_at };
}
