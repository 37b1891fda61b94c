import { Injectable } from '@nestjs/common';
import { setAuditTarget } from '../audit';
import { RequestLoaders } from '../graphql';
import { RequestScope } from '../tenancy';
import type { SetTargetInput } from './dto/set-target.input';
import type { Target } from './target.model';
import { TargetsRepository } from './targets.repository';

/** The tenant's target stage (domain.md, "Targets, roadmap and action plan"). */
@Injectable()
export class TargetsService {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly loaders: RequestLoaders,
    private readonly scope: RequestScope,
  ) {}

  /** The request tenant's target, read once per request. */
  current(): Promise<Target | null> {
    return this.loaders
      .get<string, Target | null>('targets:current', async (keys) => {
        const target = await this.targets.find();
        return keys.map(() => target);
      })
      .load('current');
  }

  async set(input: SetTargetInput): Promise<Target> {
    const target = await this.targets.upsert(input.stage, input.dueAt ?? null);
    setAuditTarget(this.scope.tenantId);
    return target;
  }
}
