import type { Client } from 'pg';
import { newResponseToken } from '../../src/campaigns/response-token';
import { requestHash } from '../../src/assessments/request-hash';
import {
  CULTURES,
  DEPARTMENTS,
  FAILURE_FACTORS,
  INITIATIVE_STATUSES,
  KPI_KINDS,
  MARKETS,
  REPORTING_CADENCES,
  RESPONSIBILITIES,
  CURRENT_MODEL_VERSION,
  getScoringModel,
  score,
  type AssessmentAnswers,
  type Department,
  type InitiativeInput,
  type ResponsibilityAssignmentInput,
  type ScoringInputs,
  type TeamInput,
  type TenantProfileInput,
} from '../../src/scoring';
import { Random } from './random';

export interface DataSetSize {
  tenants: number;
  consultants: number;
  /** Consultants whose portfolio is exactly `dashboardClients` (the Q2 workload rotates over them). */
  dashboardConsultants: number;
  dashboardClients: number;
  maxClients: number;
  periods: number;
  /** Tenants reserved for submissions (Q3): in no consultant's portfolio, so Q2 reads stable data. */
  submitTenants: number;
  /** Tenants (of the Q1 readers) with open actions, done actions and an open campaign (Q4, Q5). */
  clientPages: number;
  /** Open and done actions of each of them. */
  openActions: number;
  doneActions: number;
  /** Respondents (response links) of each open campaign (Q5 answers them in turn, again and again). */
  respondents: number;
}

export interface TenantRef {
  tenantId: string;
  userId: string;
}

export interface BenchData {
  /** OWNER of a tenant reading one of its assessments (Q1). */
  reads: (TenantRef & { assessmentId: string })[];
  /** CONSULTANTs with `dashboardClients` clients (Q2). */
  dashboards: { userId: string; clients: string[] }[];
  consultants: { userId: string; clients: number }[];
  /** OWNERs of the submission tenants (Q3). */
  submitters: TenantRef[];
  /** OWNERs of tenants with actions and an open campaign (Q4). */
  clientPages: (TenantRef & { campaignId: string; openActions: number })[];
  /** The response links of their open campaigns (Q5). */
  responseTokens: string[];
  counts: Record<string, number>;
  millis: number;
}

export const DEFAULT_SIZE: DataSetSize = {
  tenants: 1000,
  consultants: 20,
  dashboardConsultants: 5,
  dashboardClients: 20,
  maxClients: 200,
  periods: 8,
  submitTenants: 400,
  clientPages: 100,
  openActions: 6,
  doneActions: 4,
  respondents: 8,
};

export const QUICK_SIZE: DataSetSize = { ...DEFAULT_SIZE, tenants: 320, submitTenants: 100 };

type Row = Record<string, unknown>;

/**
 * Writes rows with one statement per chunk: the rows travel as one JSON parameter and json_populate_recordset
 * turns them into the table's row type (columns not named keep their defaults).
 */
export async function insertRows(client: Client, table: string, columns: string[], rows: Row[], chunk = 2000): Promise<void> {
  const list = columns.join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    await client.query(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + chunk))],
    );
  }
}

function profileOf(random: Random): TenantProfileInput {
  const size = random.pick([
    [5, 45],
    [50, 240],
    [250, 990],
    [1000, 20000],
  ] as const);
  const others = DEPARTMENTS.filter((d) => d !== 'MARKETING');
  const departments: Department[] = ['MARKETING', ...random.sample(others, random.int(1, 6))];
  return {
    employeeCount: random.int(size[0], size[1]),
    departments,
    culture: random.pick(CULTURES),
    market: random.pick(MARKETS),
    locations: random.int(1, 5),
  };
}

function factsOf(random: Random, profile: TenantProfileInput): Omit<ScoringInputs, 'answers'> {
  const teams: TeamInput[] = [];
  const teamCount = profile.employeeCount < 50 && random.chance(0.4) ? 0 : random.int(1, 3);
  for (let t = 0; t < teamCount; t += 1) {
    const members = [];
    for (let m = random.int(1, 5); m > 0; m -= 1) {
      members.push({
        id: random.uuid(),
        name: `Member ${t}.${m}`,
        department: random.pick(profile.departments),
        external: random.chance(0.15),
        insight: random.int(1, 5),
        experience: random.int(1, 5),
        affinity: random.int(1, 5),
      });
    }
    teams.push({ id: random.uuid(), name: t === 0 ? 'Social media team' : `Spoke ${t}`, members });
  }
  const allMembers = teams.flatMap((t) => t.members);
  const responsibilities: ResponsibilityAssignmentInput[] = [];
  for (const responsibility of RESPONSIBILITIES) {
    if (!random.chance(0.7)) continue;
    const roll = random.next();
    if (roll < 0.6 && allMembers.length > 0) {
      responsibilities.push({ responsibility, ownerKind: 'MEMBER', memberId: random.pick(allMembers).id, department: null });
    } else if (roll < 0.9) {
      responsibilities.push({ responsibility, ownerKind: 'DEPARTMENT', memberId: null, department: random.pick(profile.departments) });
    } else {
      responsibilities.push({ responsibility, ownerKind: 'AGENCY', memberId: null, department: null });
    }
  }
  const initiatives: InitiativeInput[] = [];
  for (let i = random.int(1, 6); i > 0; i -= 1) {
    initiatives.push({
      id: random.uuid(),
      name: `Initiative ${i}`,
      status: random.pick(INITIATIVE_STATUSES),
      ownerDepartment: random.pick(profile.departments),
      outsourcing: random.pick(['NONE', 'NONE', 'PARTIAL', 'FULL'] as const),
      kpis: Array.from({ length: random.int(0, 3) }, (_, k) => ({ name: `KPI ${k}`, kind: random.pick(KPI_KINDS) })),
      satisfaction: random.chance(0.3) ? null : random.int(1, 5),
      failureFactors: random.sample(FAILURE_FACTORS, random.int(0, 2)),
    });
  }
  return { profile, teams, responsibilities, initiatives };
}

export function answersOf(random: Random): AssessmentAnswers {
  return {
    overallSatisfaction: random.int(1, 5),
    managementSupport: random.int(1, 5),
    hasPolicy: random.chance(0.6),
    policyRoleModel: random.int(1, 5),
    hasCrisisPlan: random.chance(0.5),
    hasMonitoring: random.chance(0.6),
    reportingCadence: random.pick(REPORTING_CADENCES),
    communityApplicable: random.chance(0.4),
  };
}

/** `count` varied scoring inputs (for the engine's throughput and the rescoring snapshots). */
export function sampleInputs(count: number, seed = 7): ScoringInputs[] {
  const random = new Random(seed);
  return Array.from({ length: count }, () => ({ ...factsOf(random, profileOf(random)), answers: answersOf(random) }));
}

function periodOf(index: number): string {
  return `${2024 + Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * The realistic data set, written straight into the tables as the admin (a superuser: row-level security does
 * not apply), in bulk. Scores come from the pure engine, as the service would have stored them.
 */
export async function generateDataSet(admin: Client, size: DataSetSize, seed = 42): Promise<BenchData> {
  const started = Date.now();
  const random = new Random(seed);
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  const users: Row[] = [];
  const tenants: Row[] = [];
  const memberships: Row[] = [];
  const teams: Row[] = [];
  const members: Row[] = [];
  const owners: Row[] = [];
  const initiatives: Row[] = [];
  const kpis: Row[] = [];
  const assessments: Row[] = [];
  const reads: BenchData['reads'] = [];
  const refs: TenantRef[] = [];
  const day = 86_400_000;
  const firstPeriod = Date.UTC(2024, 0, 15);
  const hash = 'x'.repeat(20); // every bench account has this unusable password hash

  for (let t = 0; t < size.tenants; t += 1) {
    const tenantId = random.uuid();
    const userId = random.uuid();
    users.push({ id: userId, email: `owner-${t}@bench.test`, name: `Owner ${t}`, password_hash: hash });
    const profile = profileOf(random);
    tenants.push({
      id: tenantId,
      name: `Organisation ${t}`,
      employee_count: profile.employeeCount,
      departments: profile.departments,
      culture: profile.culture,
      market: profile.market,
      locations: profile.locations,
      sector: random.pick(['Retail', 'Finance', 'Public sector', 'Health', null]),
      reassessment_cadence_days: 90,
      version: 1,
    });
    memberships.push({ tenant_id: tenantId, user_id: userId, role: 'OWNER' });
    const facts = factsOf(random, profile);
    for (const team of facts.teams) {
      teams.push({ tenant_id: tenantId, id: team.id, name: team.name, version: 1 });
      for (const m of team.members) {
        members.push({
          tenant_id: tenantId,
          id: m.id,
          team_id: team.id,
          name: m.name,
          department: m.department,
          external: m.external,
          insight: m.insight,
          experience: m.experience,
          affinity: m.affinity,
        });
      }
    }
    for (const r of facts.responsibilities) {
      owners.push({
        tenant_id: tenantId,
        responsibility: r.responsibility,
        owner_kind: r.ownerKind,
        member_id: r.memberId ?? null,
        department: r.department ?? null,
      });
    }
    for (const i of facts.initiatives) {
      initiatives.push({
        tenant_id: tenantId,
        id: i.id,
        name: i.name,
        status: i.status,
        owner_department: i.ownerDepartment,
        outsourcing: i.outsourcing,
        satisfaction: i.satisfaction,
        failure_factors: i.failureFactors,
        version: 1,
      });
      i.kpis.forEach((k, position) =>
        kpis.push({ tenant_id: tenantId, initiative_id: i.id, position, name: k.name, kind: k.kind }),
      );
    }
    const ids: string[] = [];
    for (let p = 0; p < size.periods; p += 1) {
      const answers = answersOf(random);
      const inputs: ScoringInputs = { ...facts, answers };
      const result = score(inputs, model);
      const id = random.uuid();
      const period = periodOf(p);
      ids.push(id);
      assessments.push({
        tenant_id: tenantId,
        id,
        period,
        idempotency_key: `seed-${t}-${p}`,
        request_hash: requestHash({ period, answers, supersede: false }),
        submitted_at: new Date(firstPeriod + p * 91 * day + random.int(0, 86_399) * 1000).toISOString(),
        submitted_by: userId,
        model_version: result.modelVersion,
        inputs,
        result,
        overall_score: result.overallScore,
        stage: result.stage,
      });
    }
    refs.push({ tenantId, userId });
    reads.push({ tenantId, userId, assessmentId: random.pick(ids) });
  }

  // The first readers' tenants get an action plan and an open campaign with response links (Q4, Q5).
  const actions: Row[] = [];
  const campaigns: Row[] = [];
  const respondents: Row[] = [];
  const clientPages: BenchData['clientPages'] = [];
  const responseTokens: string[] = [];
  const closesAt = new Date(Date.now() + 90 * day).toISOString();
  for (const ref of refs.slice(0, size.clientPages)) {
    for (let i = 0; i < size.openActions + size.doneActions; i += 1) {
      actions.push({
        tenant_id: ref.tenantId,
        id: random.uuid(),
        title: `Action ${i}`,
        status: i < size.openActions ? 'OPEN' : 'DONE',
        due_at: new Date(Date.now() + (i - 2) * 30 * day).toISOString(),
        created_by: ref.userId,
        created_at: new Date(Date.now() - (100 - i) * day).toISOString(),
      });
    }
    const campaignId = random.uuid();
    campaigns.push({ tenant_id: ref.tenantId, id: campaignId, period: '2026-Q1', closes_at: closesAt, min_responses: 3, created_by: ref.userId });
    for (let r = 0; r < size.respondents; r += 1) {
      const { token, hash: tokenHash } = newResponseToken();
      responseTokens.push(token);
      respondents.push({
        tenant_id: ref.tenantId,
        id: random.uuid(),
        campaign_id: campaignId,
        email: `respondent-${r}@bench.test`,
        department: 'MARKETING',
        // bytea in json_populate_recordset: the hex form
        token_hash: `\\x${tokenHash.toString('hex')}`,
      });
    }
    clientPages.push({ ...ref, campaignId, openActions: size.openActions });
  }

  // The last tenants take the submissions; consultants' clients come from the others.
  const submitters = refs.slice(refs.length - size.submitTenants);
  const pool = refs.slice(0, refs.length - size.submitTenants).map((r) => r.tenantId);
  if (pool.length < size.maxClients) throw new Error(`${size.tenants} tenants are too few for a portfolio of ${size.maxClients}`);
  const consultants: BenchData['consultants'] = [];
  const dashboards: BenchData['dashboards'] = [];
  for (let c = 0; c < size.consultants; c += 1) {
    const userId = random.uuid();
    users.push({ id: userId, email: `consultant-${c}@bench.test`, name: `Consultant ${c}`, password_hash: hash });
    const rest = size.consultants - size.dashboardConsultants;
    const n =
      c < size.dashboardConsultants
        ? size.dashboardClients
        : Math.round(size.dashboardClients + ((c - size.dashboardConsultants + 1) / rest) * (size.maxClients - size.dashboardClients));
    const clients = random.sample(pool, n);
    for (const tenantId of clients) memberships.push({ tenant_id: tenantId, user_id: userId, role: 'CONSULTANT' });
    consultants.push({ userId, clients: n });
    if (c < size.dashboardConsultants) dashboards.push({ userId, clients });
  }

  await admin.query('BEGIN');
  await insertRows(admin, 'users', ['id', 'email', 'name', 'password_hash'], users);
  await insertRows(admin, 'tenants', ['id', 'name', 'employee_count', 'departments', 'culture', 'market', 'locations', 'sector', 'reassessment_cadence_days', 'version'], tenants);
  await insertRows(admin, 'memberships', ['tenant_id', 'user_id', 'role'], memberships);
  await insertRows(admin, 'teams', ['tenant_id', 'id', 'name', 'version'], teams);
  await insertRows(admin, 'team_members', ['tenant_id', 'id', 'team_id', 'name', 'department', 'external', 'insight', 'experience', 'affinity'], members);
  await insertRows(admin, 'responsibility_assignments', ['tenant_id', 'responsibility', 'owner_kind', 'member_id', 'department'], owners);
  await insertRows(admin, 'initiatives', ['tenant_id', 'id', 'name', 'status', 'owner_department', 'outsourcing', 'satisfaction', 'failure_factors', 'version'], initiatives);
  await insertRows(admin, 'initiative_kpis', ['tenant_id', 'initiative_id', 'position', 'name', 'kind'], kpis);
  await insertRows(
    admin,
    'assessments',
    ['tenant_id', 'id', 'period', 'idempotency_key', 'request_hash', 'submitted_at', 'submitted_by', 'model_version', 'inputs', 'result', 'overall_score', 'stage'],
    assessments,
    500,
  );
  await insertRows(admin, 'actions', ['tenant_id', 'id', 'title', 'status', 'due_at', 'created_by', 'created_at'], actions);
  await insertRows(admin, 'campaigns', ['tenant_id', 'id', 'period', 'closes_at', 'min_responses', 'created_by'], campaigns);
  await insertRows(admin, 'campaign_respondents', ['tenant_id', 'id', 'campaign_id', 'email', 'department', 'token_hash'], respondents);
  await admin.query('COMMIT');
  await admin.query('ANALYZE');

  return {
    reads: reads.slice(0, refs.length - size.submitTenants),
    dashboards,
    consultants,
    submitters,
    clientPages,
    responseTokens,
    counts: {
      tenants: tenants.length,
      users: users.length,
      memberships: memberships.length,
      teams: teams.length,
      teamMembers: members.length,
      responsibilityAssignments: owners.length,
      initiatives: initiatives.length,
      kpis: kpis.length,
      assessments: assessments.length,
      actions: actions.length,
      openCampaigns: campaigns.length,
      responseLinks: respondents.length,
    },
    millis: Date.now() - started,
  };
}

/**
 * `count` stored snapshots for the rescoring rate, built inside the server from a few varied templates
 * (one INSERT ... SELECT per 10,000 rows): tenants with 100 monthly assessments each.
 */
export async function generateSnapshots(admin: Client, count: number): Promise<{ millis: number; tenants: number }> {
  const started = Date.now();
  const perTenant = 100;
  const tenantCount = Math.ceil(count / perTenant);
  const random = new Random(99);
  const tenants: Row[] = Array.from({ length: tenantCount }, (_, t) => {
    const profile = profileOf(random);
    return {
      id: random.uuid(),
      name: `Archive ${t}`,
      employee_count: profile.employeeCount,
      departments: profile.departments,
      culture: profile.culture,
      market: profile.market,
      locations: profile.locations,
      reassessment_cadence_days: 90,
      version: 1,
    };
  });
  await insertRows(admin, 'tenants', ['id', 'name', 'employee_count', 'departments', 'culture', 'market', 'locations', 'reassessment_cadence_days', 'version'], tenants);
  const templates = sampleInputs(64, 11);
  await admin.query('CREATE TEMP TABLE bench_templates (n int PRIMARY KEY, inputs jsonb NOT NULL)');
  await admin.query(
    `INSERT INTO bench_templates SELECT (e.ord - 1)::int, e.value FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY e(value, ord)`,
    [JSON.stringify(templates)],
  );
  await admin.query('CREATE TEMP TABLE bench_archive (n int PRIMARY KEY, id uuid NOT NULL)');
  await admin.query(`INSERT INTO bench_archive SELECT (ord - 1)::int, (value ->> 'id')::uuid FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY e(value, ord)`, [
    JSON.stringify(tenants.map((t) => ({ id: t.id }))),
  ]);
  const step = 10_000;
  for (let from = 0; from < count; from += step) {
    const to = Math.min(count, from + step) - 1;
    await admin.query(
      `INSERT INTO assessments (tenant_id, id, period, idempotency_key, request_hash, submitted_at, model_version, inputs,
                                result, overall_score, stage)
       SELECT t.id, gen_random_uuid(),
              (2000 + (g % ${perTenant}) / 12)::text || '-' || lpad(((g % ${perTenant}) % 12 + 1)::text, 2, '0'),
              'archive-' || g, repeat('0', 64), timestamptz '2000-01-15' + (g % ${perTenant}) * interval '30 days',
              'social-maturity/v0', tpl.inputs, '{}'::jsonb, 0, 'PLANNING'
         FROM generate_series($1::int, $2::int) g
         JOIN bench_archive t ON t.n = g / ${perTenant}
         JOIN bench_templates tpl ON tpl.n = g % 64`,
      [from, to],
    );
  }
  await admin.query('ANALYZE assessments');
  return { millis: Date.now() - started, tenants: tenantCount };
}
