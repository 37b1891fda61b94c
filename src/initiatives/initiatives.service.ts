import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { conflictOrMissing } from '../common/versioned';
import { type Connection, toConnection } from '../graphql';
import { TenantTransaction } from '../tenancy';
import type { CreateInitiativeInput } from './dto/create-initiative.input';
import type { InitiativesArgs } from './dto/initiatives.args';
import type { UpdateInitiativeInput } from './dto/update-initiative.input';
import { CURSOR_CREATED_AT, decodeInitiativeCursor } from './initiative-cursor';
import { InitiativeEntity } from './initiative.entity';
import type { Initiative } from './initiative.model';
import { toInitiative, type InitiativeRow } from './initiative.rows';
import { InitiativeKpisService } from './initiative-kpis.service';

/** The tenant's social media initiatives. The policies scope every statement to the request's tenant. */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly kpis: InitiativeKpisService,
  ) {}

  /** A page of initiatives, newest first, optionally only of one status and/or owner department. */
  async page(args: InitiativesArgs): Promise<Connection<Initiative>> {
    const manager = await this.tx.manager();
    const filtered = (): SelectQueryBuilder<InitiativeEntity> => {
      const query = manager.createQueryBuilder(InitiativeEntity, 'i');
      if (args.status) query.andWhere('i.status = :status', { status: args.status });
      if (args.ownerDepartment)
        query.andWhere('i.owner_department = :department', { department: args.ownerDepartment });
      return query;
    };
    const page = filtered()
      .select('i.*')
      .addSelect(CURSOR_CREATED_AT, 'cursor_created_at')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(args.first + 1);
    if (args.after) {
      const after = decodeInitiativeCursor(args.after);
      page.andWhere('(i.created_at, i.id) < (:afterCreatedAt::timestamptz, :afterId::uuid)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    const rows = await page.getRawMany<InitiativeRow & { cursor_created_at: string }>();
    const totalCount = await filtered().getCount();
    return toConnection(rows, args.first, totalCount, toInitiative, (row) => [row.cursor_created_at, row.id]);
  }

  async get(id: string): Promise<Initiative> {
    if (!isUuid(id)) throw new NotFoundError('Initiative');
    const manager = await this.tx.manager();
    const row = await manager
      .createQueryBuilder(InitiativeEntity, 'i')
      .select('i.*')
      .where('i.id = :id', { id })
      .getRawOne<InitiativeRow>();
    if (!row) throw new NotFoundError('Initiative');
    return toInitiative(row);
  }

  async create(input: CreateInitiativeInput): Promise<Initiative> {
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(InitiativeEntity)
      .values({
        name: input.name.trim(),
        status: input.status,
        ownerDepartment: input.ownerDepartment,
        outsourcing: input.outsourcing,
        satisfaction: input.satisfaction ?? null,
        failureFactors: input.failureFactors ?? [],
      })
      .returning('*')
      .execute();
    const initiative = toInitiative((result.raw as InitiativeRow[])[0]);
    await this.kpis.add(initiative.id, input.kpis);
    return initiative;
  }

  /** One conditional UPDATE changes the initiative only when it is still at expectedVersion; then the KPIs. */
  async update(input: UpdateInitiativeInput): Promise<Initiative> {
    if (!isUuid(input.id)) throw new NotFoundError('Initiative');
    const changes: QueryDeepPartialEntity<InitiativeEntity> = {
      version: () => 'version + 1',
      updatedAt: () => 'now()',
    };
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.status !== undefined) changes.status = input.status;
    if (input.ownerDepartment !== undefined) changes.ownerDepartment = input.ownerDepartment;
    if (input.outsourcing !== undefined) changes.outsourcing = input.outsourcing;
    if (input.satisfaction !== undefined) changes.satisfaction = input.satisfaction;
    if (input.failureFactors !== undefined) changes.failureFactors = input.failureFactors ?? [];
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .update(InitiativeEntity)
      .set(changes)
      .where('id = :id AND version = :expectedVersion', {
        id: input.id,
        expectedVersion: input.expectedVersion,
      })
      .returning('*')
      .execute();
    const row = (result.raw as InitiativeRow[])[0];
    if (!row)
      throw await conflictOrMissing(manager, InitiativeEntity, 'Initiative', input.id, input.expectedVersion);
    if (input.kpis !== undefined) await this.kpis.replace(row.id, input.kpis ?? []);
    return toInitiative(row);
  }

  /** Deletes an initiative with its KPIs, if it is still at expectedVersion. */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Initiative');
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(InitiativeEntity)
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (!result.affected)
      throw await conflictOrMissing(manager, InitiativeEntity, 'Initiative', id, expectedVersion);
    this.kpis.forget(id);
    return true;
  }
}
