import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { conflictOrMissing } from '../common/versioned';
import { type Connection, toConnection } from '../graphql';
import type { CreateInitiativeInput } from './dto/create-initiative.input';
import type { InitiativesArgs } from './dto/initiatives.args';
import type { UpdateInitiativeInput } from './dto/update-initiative.input';
import { decodeInitiativeCursor } from './initiative-cursor';
import type { Initiative } from './initiative.model';
import { InitiativeKpisService } from './initiative-kpis.service';
import { InitiativesRepository, type InitiativeFields } from './initiatives.repository';

/** The tenant's social media initiatives. The policies scope every statement to the request's tenant. */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly kpis: InitiativeKpisService,
  ) {}

  /** A page of initiatives, newest first, optionally only of one status and/or owner department. */
  async page(args: InitiativesArgs): Promise<Connection<Initiative>> {
    const after = args.after ? decodeInitiativeCursor(args.after) : null;
    const { rows, totalCount } = await this.initiatives.page(
      { status: args.status, ownerDepartment: args.ownerDepartment },
      args.first + 1,
      after,
    );
    return toConnection(
      rows,
      args.first,
      totalCount,
      ({ position: _position, ...initiative }) => initiative,
      (row) => [row.position.createdAt, row.position.id],
    );
  }

  async get(id: string): Promise<Initiative> {
    if (!isUuid(id)) throw new NotFoundError('Initiative');
    const initiative = await this.initiatives.find(id);
    if (!initiative) throw new NotFoundError('Initiative');
    return initiative;
  }

  async create(input: CreateInitiativeInput): Promise<Initiative> {
    const initiative = await this.initiatives.insert({
      name: input.name.trim(),
      status: input.status,
      ownerDepartment: input.ownerDepartment,
      outsourcing: input.outsourcing,
      satisfaction: input.satisfaction ?? null,
      failureFactors: input.failureFactors ?? [],
    });
    await this.kpis.add(initiative.id, input.kpis);
    return initiative;
  }

  /** One conditional UPDATE changes the initiative only when it is still at expectedVersion; then the KPIs. */
  async update(input: UpdateInitiativeInput): Promise<Initiative> {
    if (!isUuid(input.id)) throw new NotFoundError('Initiative');
    const changes: Partial<InitiativeFields> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.status !== undefined) changes.status = input.status;
    if (input.ownerDepartment !== undefined) changes.ownerDepartment = input.ownerDepartment;
    if (input.outsourcing !== undefined) changes.outsourcing = input.outsourcing;
    if (input.satisfaction !== undefined) changes.satisfaction = input.satisfaction;
    if (input.failureFactors !== undefined) changes.failureFactors = input.failureFactors ?? [];
    const initiative = await this.initiatives.update(input.id, input.expectedVersion, changes);
    if (!initiative) {
      throw conflictOrMissing('Initiative', input.expectedVersion, await this.initiatives.versionOf(input.id));
    }
    if (input.kpis !== undefined) await this.kpis.replace(initiative.id, input.kpis ?? []);
    return initiative;
  }

  /** Deletes an initiative with its KPIs, if it is still at expectedVersion. */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Initiative');
    if (!(await this.initiatives.delete(id, expectedVersion))) {
      throw conflictOrMissing('Initiative', expectedVersion, await this.initiatives.versionOf(id));
    }
    this.kpis.forget(id);
    return true;
  }
}
