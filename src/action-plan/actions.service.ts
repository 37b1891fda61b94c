import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError, VersionConflictError } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, decodeCursor, toConnection } from '../graphql';
import {
  CURRENT_MODEL_VERSION,
  getScoringModel,
  moveApplies,
  type Department,
  type Responsibility,
  type RoadmapMove,
  type ScoringInputs,
} from '../scoring';
import { RequestScope } from '../tenancy';
import { toTeamMember } from '../teams';
import type { Action } from './action.model';
import { ActionsRepository, type ActionChange, type ActionRecord } from './actions.repository';
import type { ActionsArgs } from './dto/actions.args';
import type { CreateActionInput } from './dto/create-action.input';
import type { UpdateActionInput } from './dto/update-action.input';

/** The action plan (domain.md, "Targets, roadmap and action plan"). */
@Injectable()
export class ActionsService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly scope: RequestScope,
  ) {}

  async create(input: CreateActionInput): Promise<Action> {
    const move = input.move ?? null;
    const { responsibility, department } = moveDetail(move, input.responsibility ?? null, input.department ?? null);
    const owner = ownerOf(input.ownerMemberId, input.ownerDepartment);
    const created = await this.actions.insert({
      title: input.title.trim(),
      move,
      responsibility,
      department,
      ownerMemberId: owner.memberId,
      ownerDepartment: owner.department,
      dueAt: input.dueAt ?? null,
      createdBy: this.scope.userId,
    });
    if (!created) throw new NotFoundError('TeamMember');
    return toAction(created.value, created.latestInputs);
  }

  /** One conditional UPDATE; a stale expectedVersion fails with VERSION_CONFLICT. */
  async update(input: UpdateActionInput): Promise<Action> {
    if (!isUuid(input.id)) throw new NotFoundError('Action');
    const change: ActionChange = {
      id: input.id,
      expectedVersion: input.expectedVersion,
      title: input.title?.trim() ?? null,
      status: input.status ?? null,
    };
    if (input.ownerMemberId !== undefined || input.ownerDepartment !== undefined) {
      change.owner = ownerOf(input.ownerMemberId, input.ownerDepartment);
    }
    if (input.dueAt !== undefined) change.dueAt = input.dueAt;
    const updated = await this.actions.update(change);
    if (updated) return toAction(updated.value, updated.latestInputs);
    const version = await this.actions.versionOf(input.id);
    if (version === null) throw new NotFoundError('Action');
    if (version !== input.expectedVersion) throw new VersionConflictError('Action', input.expectedVersion, version);
    throw new NotFoundError('TeamMember');
  }

  /**
   * Oldest first, optionally of one status. `withVerified` false: the page leaves out the latest assessment's
   * inputs, and every action's `verified` is false (for a selection that does not ask for it).
   */
  async list(args: ActionsArgs, withVerified = true): Promise<Connection<Action>> {
    const after = args.after ? decodeActionCursor(args.after) : null;
    const { value, latestInputs } = await this.actions.page({
      first: args.first,
      after,
      status: args.status ?? null,
      withLatestInputs: withVerified,
    });
    return toConnection(
      value.rows,
      args.first,
      value.totalCount,
      (row) => toAction(row, latestInputs),
      (row) => [row.createdKey, row.id],
    );
  }
}

/** The move's responsibility or department: required where the move has one, refused elsewhere. */
function moveDetail(
  move: RoadmapMove | null,
  responsibility: Responsibility | null,
  department: Department | null,
): { responsibility: Responsibility | null; department: Department | null } {
  const needsResponsibility = move === 'ASSIGN_OWNER' || move === 'INSOURCE';
  const needsDepartment = move === 'ADD_MEMBER_FROM_DEPARTMENT';
  if (needsResponsibility && !responsibility) {
    throw BadUserInputError.field('input.responsibility', `is required with ${move}`);
  }
  if (!needsResponsibility && responsibility) {
    throw BadUserInputError.field('input.responsibility', 'is only for ASSIGN_OWNER and INSOURCE');
  }
  if (needsDepartment && !department) {
    throw BadUserInputError.field('input.department', 'is required with ADD_MEMBER_FROM_DEPARTMENT');
  }
  if (needsDepartment && department === 'SALES') {
    throw BadUserInputError.field('input.department', 'SALES is ADD_SALES_MEMBER, not ADD_MEMBER_FROM_DEPARTMENT');
  }
  if (!needsDepartment && department) {
    throw BadUserInputError.field('input.department', 'is only for ADD_MEMBER_FROM_DEPARTMENT');
  }
  return { responsibility, department };
}

/** The nil UUID: no row has it (gen_random_uuid makes version 4 ids). */
const NO_SUCH_MEMBER = '00000000-0000-0000-0000-000000000000';

/** A member or a department, not both; a malformed member id is an unknown member. */
function ownerOf(
  memberId: string | null | undefined,
  department: Department | null | undefined,
): { memberId: string | null; department: Department | null } {
  // An empty string is taken for no member (as assignResponsibility does).
  const member = memberId ? memberId : null;
  if (member && department) {
    throw BadUserInputError.field('input.ownerDepartment', 'cannot be given together with ownerMemberId');
  }
  // A malformed id is an unknown member: it takes the same path (and gets the same answer) as an unknown UUID.
  return { memberId: member && !isUuid(member) ? NO_SUCH_MEMBER : member, department: department ?? null };
}

function toAction(record: ActionRecord, latestInputs: ScoringInputs | null): Action {
  return {
    id: record.id,
    title: record.title,
    move: record.move,
    responsibility: record.responsibility,
    department: record.department,
    ownerMember: record.ownerMember ? toTeamMember(record.ownerMember) : null,
    ownerDepartment: record.ownerDepartment,
    dueAt: record.dueAt,
    status: record.status,
    verified: verified(record, latestInputs),
    overdue: record.overdue,
    version: record.version,
  };
}

/** A move that no longer applies to the latest current assessment's inputs has shown its effect. */
function verified(record: ActionRecord, latestInputs: ScoringInputs | null): boolean {
  if (!record.move || !latestInputs) return false;
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  return !moveApplies(latestInputs, model, {
    move: record.move,
    responsibility: record.responsibility,
    department: record.department,
  });
}

function decodeActionCursor(cursor: string): { createdKey: string; id: string } {
  const [createdKey, id] = decodeCursor(cursor, 2);
  if (typeof createdKey !== 'string' || !/^-?[0-9]{1,19}$/.test(createdKey) || !isUuid(id)) {
    throw BadUserInputError.field('after', 'is not a cursor returned by this API');
  }
  return { createdKey, id };
}
