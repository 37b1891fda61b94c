/**
 * The hand-written SQL of the bare peers (Apollo + pg, and the raw pg loop): the same statements the application
 * sends, over a plain pg client, in the same per-request transaction with the same tenant protocol and RLS.
 */
import { randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { ASSESSMENT_BY_ID_SQL, INSERT_ASSESSMENT_SQL } from '../../src/assessments/assessment-sql';
import { auditRowSql } from '../../src/audit/audit-sql';
import { assembleFacts, FACTS_SQL, type FactsRow } from '../../src/assessments/organisation-facts';
import { canonicalAnswers, requestHash } from '../../src/assessments/request-hash';
import { isUuid } from '../../src/common/ids';
import { membershipOpeningSql, userOpeningSql } from '../../src/tenancy/opening-sql';
import {
  CURRENT_MODEL_VERSION,
  getScoringModel,
  score,
  type AssessmentAnswers,
  type ScoringResult,
} from '../../src/scoring';

/**
 * How a request's transaction starts:
 *  - classic: BEGIN; set_config(user); membership + set_config(tenant) (3 round trips: the old way, for comparison)
 *  - merged: as the application does it, with its statement texts (src/tenancy/opening-sql.ts), as one
 *    simple-protocol query (1 round trip; ids are checked UUIDs, inlined as literals)
 */
export type TenantProtocol = 'classic' | 'merged';

export class ForbiddenTenant extends Error {}

export async function openTenant(
  client: ClientBase,
  protocol: TenantProtocol,
  userId: string,
  tenantId: string | null,
): Promise<string | null> {
  if (!isUuid(userId) || (tenantId !== null && !isUuid(tenantId))) throw new ForbiddenTenant('malformed id');
  tenantOf.delete(client);
  if (protocol === 'merged') {
    const user = userOpeningSql(userId);
    if (!tenantId) {
      await client.query(`BEGIN; ${user}`);
      return null;
    }
    const results = (await client.query(
      `BEGIN; ${user}; ${membershipOpeningSql(tenantId, userId)}`,
    )) as unknown as { rows: { role: string }[] }[];
    const role = results[2].rows[0]?.role ?? null;
    if (role) tenantOf.set(client, tenantId);
    return role;
  }
  await client.query('START TRANSACTION');
  await client.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
  if (!tenantId) return null;
  const { rows } = await client.query<{ role: string }>(
    `SELECT m.role, set_config('app.tenant_id', m.tenant_id::text, true)
       FROM memberships m WHERE m.tenant_id = $1 AND m.user_id = $2`,
    [tenantId, userId],
  );
  const role = rows[0]?.role ?? null;
  if (role) tenantOf.set(client, tenantId);
  return role;
}

/** The tenant each client's transaction opened with (the audit row names it, as the service's does). */
const tenantOf = new WeakMap<ClientBase, string>();

export interface AssessmentRow {
  id: string;
  period: string;
  submitted_at: Date;
  superseded_at: Date | null;
  model_version: string;
  overall_score: number;
  stage: string;
  result: ScoringResult;
  idempotency_key: string;
  request_hash: string;
  answers: AssessmentAnswers;
}

/** The service's own statement text (src/assessments/assessment-sql.ts), never a copy. */
export const Q1_SQL = ASSESSMENT_BY_ID_SQL;

export async function assessmentById(client: ClientBase, id: string): Promise<AssessmentRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await client.query<AssessmentRow>(Q1_SQL, [id]);
  return rows[0] ?? null;
}

export interface SubmitInput {
  period: string;
  idempotencyKey: string;
  answers: AssessmentAnswers;
  supersede?: boolean;
}

const pending = new WeakMap<ClientBase, string[]>();

function beforeCommit(client: ClientBase, sql: string): void {
  pending.set(client, [...(pending.get(client) ?? []), sql]);
}

/** COMMIT, with the statements queued for it in the same round trip (as the service's TenantTransaction). */
export async function commit(client: ClientBase): Promise<void> {
  const statements = pending.get(client) ?? [];
  pending.delete(client);
  await client.query([...statements, 'COMMIT'].join('; '));
}

export async function rollback(client: ClientBase): Promise<void> {
  pending.delete(client);
  await client.query('ROLLBACK');
}

/**
 * submitAssessment for a new period (the workload never replays or supersedes): the same statements as the
 * service's happy path (facts, insert; the audit row goes with the COMMIT).
 */
export async function submitAssessment(
  client: ClientBase,
  userId: string,
  input: SubmitInput,
  requestId: string,
): Promise<AssessmentRow> {
  const answers = canonicalAnswers(input.answers);
  const supersede = input.supersede ?? false;
  const hash = requestHash({ period: input.period, answers, supersede });
  const { rows: factRows } = await client.query<FactsRow>(FACTS_SQL);
  const inputs = { ...assembleFacts(factRows[0]), answers };
  const result = score(inputs, getScoringModel(CURRENT_MODEL_VERSION));
  const id = randomUUID();
  // As the service: only the submission time comes back, not the JSON just sent.
  const { rows } = await client.query<{ submitted_at: Date }>(
    INSERT_ASSESSMENT_SQL,
    [
      id,
      input.period,
      input.idempotencyKey,
      hash,
      userId,
      result.modelVersion,
      JSON.stringify(inputs),
      JSON.stringify(result),
      result.overallScore,
      result.stage,
      'SUBMISSION',
      null,
    ],
  );
  // As the service: a new key for a free period inserts first; the bench submits new periods only.
  if (!rows[0]) throw new Error('conflicting submission');
  // As the service: the audit row goes with the COMMIT, in its round trip.
  const tenantId = tenantOf.get(client);
  if (!tenantId) throw new Error('no tenant selected');
  beforeCommit(client, auditRowSql({ tenantId, userId, operation: 'submitAssessment', targetId: id, requestId }));
  return {
    id,
    period: input.period,
    submitted_at: rows[0].submitted_at,
    superseded_at: null,
    model_version: result.modelVersion,
    overall_score: result.overallScore,
    stage: result.stage,
    result,
    idempotency_key: input.idempotencyKey,
    request_hash: hash,
    answers,
  };
}
