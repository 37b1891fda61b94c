import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { Gql, GqlResponse, TestUser } from './app';
import { answersFixture } from '../../src/scoring/scoring.fixtures';

/** Every field of an Assessment the tests look at (previous/delta excluded: they cost a loader). */
export const ASSESSMENT_FIELDS = `
  id period submittedAt modelVersion overallScore bandStage stage appliedCaps current preview supersededAt
  dimensions { dimension score applicable weight rawWeight }
  findings { code severity dimension responsibility failureFactor message recommendation }
  facts { teamNeeded inHouseMemberCount outsourcingShare applicableResponsibilities }
  answers { overallSatisfaction managementSupport hasPolicy policyRoleModel hasCrisisPlan hasMonitoring reportingCadence communityApplicable }`;

export const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;

export interface Answers {
  overallSatisfaction: number;
  managementSupport: number;
  hasPolicy: boolean;
  policyRoleModel: number;
  hasCrisisPlan: boolean;
  hasMonitoring: boolean;
  reportingCadence: string;
  communityApplicable: boolean;
}

/** The GraphQL tests' answers: the one fixture (src/scoring/scoring.fixtures.ts) with these two changed. */
export const ANSWERS: Answers = answersFixture({ managementSupport: 4, hasCrisisPlan: false });

export function newKey(): string {
  return `key-${randomUUID()}`;
}

export interface Submission {
  period?: string;
  answers?: Partial<Answers>;
  idempotencyKey?: string;
  supersede?: boolean;
}

export function submission(s: Submission = {}) {
  return {
    period: s.period ?? '2026-Q1',
    answers: { ...ANSWERS, ...s.answers },
    idempotencyKey: s.idempotencyKey ?? newKey(),
    ...(s.supersede === undefined ? {} : { supersede: s.supersede }),
  };
}

export function submit(gql: Gql, user: TestUser, tenant: string, s: Submission = {}): Promise<GqlResponse> {
  return gql(SUBMIT, { input: submission(s) }, { token: user.token, tenant });
}

/** Submits and returns the assessment; throws on any error. */
export async function submitOk(gql: Gql, user: TestUser, tenant: string, s: Submission = {}): Promise<any> {
  const res = await submit(gql, user, tenant, s);
  if (!res.data?.submitAssessment) throw new Error(`submitAssessment failed: ${JSON.stringify(res.body)}`);
  return res.data.submitAssessment;
}

/** Rows in assessments for a tenant, counted by the admin connection (row-level security does not apply). */
export async function countAssessments(admin: Client, tenant: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM assessments WHERE tenant_id = $1',
    [tenant],
  );
  return rows[0].n;
}

export interface MemberFact {
  name: string;
  department: string;
  external: boolean;
  insight: number;
  experience: number;
  affinity: number;
}

export interface InitiativeFact {
  name: string;
  status: string;
  ownerDepartment: string;
  outsourcing: string;
  satisfaction: number | null;
  failureFactors: string[];
  kpis: { name: string; kind: string }[];
}

export type OwnerFact =
  | { responsibility: string; ownerKind: 'MEMBER'; member: string }
  | { responsibility: string; ownerKind: 'DEPARTMENT'; department: string }
  | { responsibility: string; ownerKind: 'AGENCY' };

/**
 * Writes a tenant's facts straight into the facts tables (the teams/initiatives API is another module's), as the
 * admin. Returns the member ids by name.
 */
export async function seedFacts(
  admin: Client,
  tenant: string,
  facts: {
    teams?: { name: string; members: MemberFact[] }[];
    owners?: OwnerFact[];
    initiatives?: InitiativeFact[];
  },
): Promise<Record<string, string>> {
  const memberIds: Record<string, string> = {};
  for (const team of facts.teams ?? []) {
    const teamId = randomUUID();
    await admin.query('INSERT INTO teams (tenant_id, id, name) VALUES ($1, $2, $3)', [
      tenant,
      teamId,
      team.name,
    ]);
    for (const m of team.members) {
      const id = randomUUID();
      memberIds[m.name] = id;
      await admin.query(
        `INSERT INTO team_members (tenant_id, id, team_id, name, department, external, insight, experience, affinity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [tenant, id, teamId, m.name, m.department, m.external, m.insight, m.experience, m.affinity],
      );
    }
  }
  for (const o of facts.owners ?? []) {
    await admin.query(
      `INSERT INTO responsibility_assignments (tenant_id, responsibility, owner_kind, member_id, department)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        tenant,
        o.responsibility,
        o.ownerKind,
        o.ownerKind === 'MEMBER' ? memberIds[o.member] : null,
        o.ownerKind === 'DEPARTMENT' ? o.department : null,
      ],
    );
  }
  for (const i of facts.initiatives ?? []) {
    const id = randomUUID();
    await admin.query(
      `INSERT INTO initiatives (tenant_id, id, name, status, owner_department, outsourcing, satisfaction, failure_factors)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenant, id, i.name, i.status, i.ownerDepartment, i.outsourcing, i.satisfaction, i.failureFactors],
    );
    for (const [position, kpi] of i.kpis.entries()) {
      await admin.query(
        'INSERT INTO initiative_kpis (tenant_id, initiative_id, position, name, kind) VALUES ($1, $2, $3, $4, $5)',
        [tenant, id, position, kpi.name, kpi.kind],
      );
    }
  }
  return memberIds;
}

/** Moves an assessment in time (as the admin: the service's role may not change submitted_at). */
export async function setSubmittedAt(admin: Client, id: string, at: Date): Promise<void> {
  await admin.query('UPDATE assessments SET submitted_at = $2 WHERE id = $1', [id, at]);
}

const SEVERITY_RANK = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Ranks of the findings' severities, for "most severe first" checks. */
export function severityRanks(findings: { severity: string }[]): number[] {
  return findings.map((f) => SEVERITY_RANK.indexOf(f.severity));
}
