import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import {
  CURRENT_MODEL_VERSION,
  getScoringModel,
  score,
  stageOfScore,
  type Dimension,
  type ScoringInputs,
  type ScoringResult,
} from '../../src/scoring';
import { answersFixture } from '../../src/scoring/scoring.fixtures';

/**
 * Seeding through the admin connection (bypasses RLS) for the portfolio, benchmark and export tests: tenants,
 * memberships and historical assessments with chosen submitted_at and scores. The stored result is a real result
 * of the scoring engine with the overall score (and chosen dimension scores) replaced.
 */

const MODEL = getScoringModel(CURRENT_MODEL_VERSION);

export const SNAPSHOT: ScoringInputs = {
  profile: {
    employeeCount: 300,
    departments: ['MARKETING', 'SALES', 'PR', 'IT'],
    culture: 'HIERARCHICAL',
    market: 'B2B',
    locations: 2,
  },
  teams: [],
  responsibilities: [],
  initiatives: [],
  answers: answersFixture({ hasCrisisPlan: false }),
};

export function resultWith(
  overallScore: number,
  dimensions: Partial<Record<Dimension, number>> = {},
): ScoringResult {
  const base = score(SNAPSHOT, MODEL);
  const stage = stageOfScore(overallScore, MODEL.stageThresholds);
  return {
    ...base,
    overallScore,
    bandStage: stage,
    stage,
    appliedCaps: [],
    dimensions: base.dimensions.map((d) =>
      d.dimension in dimensions ? { ...d, score: dimensions[d.dimension] ?? null, applicable: true } : d,
    ),
  };
}

export interface TenantSeed {
  name?: string;
  employeeCount?: number;
  cadenceDays?: number;
  createdAt?: Date;
}

export async function insertTenant(admin: Client, seed: TenantSeed = {}): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations, reassessment_cadence_days,
                          created_at)
     VALUES ($1, $2, $3, '{MARKETING,SALES}', 'MIXED', 'B2B', 1, $4, coalesce($5, now()))`,
    [
      id,
      seed.name ?? `Client ${id.slice(0, 8)}`,
      seed.employeeCount ?? 300,
      seed.cadenceDays ?? 90,
      seed.createdAt ?? null,
    ],
  );
  return id;
}

export async function insertMembership(
  admin: Client,
  tenant: string,
  user: string,
  role: string,
): Promise<void> {
  await admin.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [
    tenant,
    user,
    role,
  ]);
}

let periods = 0;

export interface AssessmentSeed {
  overallScore: number;
  submittedAt?: Date;
  dimensions?: Partial<Record<Dimension, number>>;
  period?: string;
  id?: string;
}

/** A stored assessment of `tenant`; a new period each (years from 4000 on) unless given. */
export async function insertAssessment(admin: Client, tenant: string, seed: AssessmentSeed): Promise<string> {
  const id = seed.id ?? randomUUID();
  const result = resultWith(seed.overallScore, seed.dimensions);
  await admin.query(
    `INSERT INTO assessments (tenant_id, id, period, idempotency_key, request_hash, submitted_at, model_version, inputs,
                              result, overall_score, stage)
     VALUES ($1, $2, $3, $4, $5, coalesce($6, now()), $7, $8, $9, $10, $11)`,
    [
      tenant,
      id,
      seed.period ?? String(4000 + periods++),
      `seed-${id}`,
      '0'.repeat(64),
      seed.submittedAt ?? null,
      result.modelVersion,
      JSON.stringify(SNAPSHOT),
      JSON.stringify(result),
      seed.overallScore,
      result.stage,
    ],
  );
  return id;
}

/** Replaces the current assessment `old` by a new one of the same period, as submitAssessment with supersede does. */
export async function insertSuperseding(
  admin: Client,
  tenant: string,
  old: string,
  seed: AssessmentSeed,
): Promise<string> {
  const id = randomUUID();
  await admin.query('BEGIN');
  try {
    const { rows } = await admin.query<{ period: string }>(
      `UPDATE assessments SET superseded_at = now(), superseded_by = $3 WHERE tenant_id = $1 AND id = $2 RETURNING period`,
      [tenant, old, id],
    );
    await insertAssessment(admin, tenant, { ...seed, id, period: rows[0].period });
    await admin.query('COMMIT');
  } catch (e) {
    await admin.query('ROLLBACK');
    throw e;
  }
  return id;
}
