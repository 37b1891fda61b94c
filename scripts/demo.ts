import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Pool } from 'pg';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare';
import type {
  Culture,
  Department,
  FailureFactor,
  InitiativeStatus,
  KpiKind,
  Market,
  Outsourcing,
  ReportingCadence,
  Responsibility,
  Stage,
} from '../src/scoring/domain';
import { RESPONSIBILITIES } from '../src/scoring/domain';

/**
 * `npm run demo`: a demo consultant with twelve client organisations, each with teams, members, responsibility
 * owners, initiatives with KPIs and six quarters of assessment history; and a second account owning eight peer
 * organisations of the 50-249 band, so that the benchmark shows a real release there (domain.md, "Benchmark":
 * a release needs 10 eligible tenants of a band).
 *
 * Everything goes through the public GraphQL API of the real application, booted in this process on a free port:
 * demo data pass the same validation, row-level security and scoring as real data. The one exception is the
 * submission times. History reads in period order, so the order needs no dates; but the API stamps a submission
 * with the time it arrives (on purpose: clients cannot backdate), and a tenant counts as a benchmark peer only when
 * its submissions lie 60+ days apart by that server time. So, once a client's periods are all submitted, their
 * submitted_at are spread to dates inside their quarters through the admin connection (spreadSubmissions). That is
 * for the benchmark's eligible peers (and it makes the due dates, one cadence after the last submission, those of
 * a real history); it is for the demo only.
 *
 * Repeatable and idempotent: a seeded PRNG (mulberry32) draws the same organisations every run; names are
 * deterministic, the consultant is logged in when it exists, each period's facts are reconciled to a desired
 * state (not appended), and each submission carries the idempotency key `demo:<client>:<period>`.
 */

export const DEMO_LOGIN = { email: 'consultant@demo.example', password: 'demo-consultant-2026', name: 'Dana de Vries' };
/** The owner of the peer organisations: another account, as real peers are other customers. */
export const DEMO_PEERS_LOGIN = { email: 'peers@demo.example', password: 'demo-peers-2026', name: 'Pieter Peer' };
const SEED = 20_120_901;
const PERIODS = 6;
const DAY = 86_400_000;

// ---- a seeded PRNG and survey-weighted draws --------------------------------------------------------------------

type Rng = () => number;

/** mulberry32: a tiny, well-distributed 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weighted<const O extends readonly (readonly [unknown, number])[]>(rng: Rng, options: O): O[number][0] {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng() * total;
  for (const [value, w] of options) {
    roll -= w;
    if (roll < 0) return value;
  }
  return options[options.length - 1][0];
}

const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const chance = (rng: Rng, p: number) => rng() < p;

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * The survey figures of domain.md ("Structuring a Social Media Team", Ragan/NASDAQ OMX 2012), as draws.
 */
const SURVEY = {
  setUp: [
    ['DEDICATED', 27],
    ['ON_TOP_OF_OTHER_DUTIES', 65],
    ['HYBRID_WITH_AGENCY', 5],
    ['FULLY_OUTSOURCED', 3],
  ] as const,
  teamSize: [
    [[1, 1], 42],
    [[2, 3], 40],
    [[4, 6], 9],
    [[7, 9], 9],
  ] as const,
  /** Highly satisfied 5%, satisfied 26%, somewhat 42%, not at all 27%, on the 1-5 scale of the questionnaire. */
  satisfaction: [
    [5, 5],
    [4, 26],
    [3, 42],
    [2, 27],
  ] as const,
  /** Very supportive 38%, somewhat 43%, indifferent 16%, not supportive 3%. */
  managementSupport: [
    [5, 38],
    [4, 43],
    [2, 16],
    [1, 3],
  ] as const,
  /** Self-rated advanced 13%, intermediate 64%, beginner 23%: where the organisation ends up. */
  selfRated: [
    ['ADVANCED', 13],
    ['INTERMEDIATE', 64],
    ['BEGINNER', 23],
  ] as const,
  /** What is measured, each with its share; in the order organisations usually adopt them. */
  measured: [
    { name: 'Followers and likes', kind: 'VANITY', share: 0.86 },
    { name: 'Web traffic from social', kind: 'ENGAGEMENT', share: 0.74 },
    { name: 'Online reputation', kind: 'BUSINESS', share: 0.58 },
    { name: 'Customer satisfaction', kind: 'BUSINESS', share: 0.41 },
    { name: 'Leads', kind: 'BUSINESS', share: 0.4 },
    { name: 'Sales', kind: 'BUSINESS', share: 0.31 },
  ] as const,
  /** Departments involved in the team (Advertising counts as Marketing); Sales does not appear. */
  departmentsInvolved: [
    ['MARKETING', 70 + 26],
    ['PR', 69],
    ['CORPORATE_COMMUNICATIONS', 49],
    ['CUSTOMER_SERVICE', 19],
    ['IT', 17],
    ['LEGAL', 14],
  ] as const,
};

type SetUp = (typeof SURVEY.setUp)[number][0];

// ---- the twelve client organisations ----------------------------------------------------------------------------

interface Archetype {
  name: string;
  employeeCount: number;
  market: Market;
  culture: Culture;
  locations: number;
  departments: Department[];
  sector: string;
  /** Quarters between the last assessment and the current quarter: 2 makes the client overdue. */
  lag: 0 | 1 | 2;
  /** The last quarter goes badly (the social media lead leaves; satisfaction falls): a score-drop alert. */
  setback?: boolean;
  /**
   * Twelve draws rarely hit the survey's smallest set-ups (hybrid 5%, fully outsourced 3%); two clients are
   * given one so the demo shows what the model says about agencies.
   */
  setUp?: SetUp;
}

const CLIENTS: Archetype[] = [
  { name: 'Bakkerij Van Dam', employeeCount: 12, market: 'B2C', culture: 'INFORMAL', locations: 1, departments: ['MARKETING', 'CUSTOMER_SERVICE', 'MANAGEMENT'], sector: 'Food retail', lag: 0 },
  { name: 'Pixelwerk Studio', employeeCount: 28, market: 'B2B', culture: 'INFORMAL', locations: 1, departments: ['MARKETING', 'SALES', 'PRODUCT', 'MANAGEMENT'], sector: 'Digital agency', lag: 1 },
  { name: 'Fietsfabriek Noord', employeeCount: 85, market: 'MIXED', culture: 'MIXED', locations: 2, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'PRODUCT', 'HR'], sector: 'Manufacturing', lag: 0 },
  { name: 'Zorggroep Rivierenland', employeeCount: 1400, market: 'B2C', culture: 'HIERARCHICAL', locations: 12, departments: ['MARKETING', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Healthcare', lag: 0 },
  { name: 'Hanze Logistics', employeeCount: 620, market: 'B2B', culture: 'HIERARCHICAL', locations: 5, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Logistics', lag: 0, setback: true },
  { name: 'Greenfield Energy', employeeCount: 2300, market: 'MIXED', culture: 'HIERARCHICAL', locations: 8, departments: ['MARKETING', 'SALES', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Energy', lag: 2 },
  { name: 'Kantoorpunt', employeeCount: 140, market: 'B2B', culture: 'MIXED', locations: 3, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT'], sector: 'Office supplies', lag: 0 },
  { name: 'Museum aan de Maas', employeeCount: 65, market: 'B2C', culture: 'MIXED', locations: 1, departments: ['MARKETING', 'PR', 'CUSTOMER_SERVICE', 'OTHER'], sector: 'Culture', lag: 2, setUp: 'FULLY_OUTSOURCED' },
  { name: 'Atlas Insurance', employeeCount: 4800, market: 'B2C', culture: 'HIERARCHICAL', locations: 20, departments: ['MARKETING', 'SALES', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'PRODUCT', 'MANAGEMENT'], sector: 'Financial services', lag: 0 },
  { name: 'Brightline Software', employeeCount: 210, market: 'B2B', culture: 'INFORMAL', locations: 2, departments: ['MARKETING', 'SALES', 'PRODUCT', 'CUSTOMER_SERVICE', 'IT'], sector: 'Software', lag: 0, setback: true },
  { name: 'Gemeente Lindendal', employeeCount: 900, market: 'MIXED', culture: 'HIERARCHICAL', locations: 4, departments: ['CORPORATE_COMMUNICATIONS', 'PR', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Local government', lag: 1 },
  { name: 'Noordzee Hotels', employeeCount: 340, market: 'B2C', culture: 'MIXED', locations: 6, departments: ['MARKETING', 'SALES', 'PR', 'CUSTOMER_SERVICE', 'HR'], sector: 'Hospitality', lag: 0, setUp: 'HYBRID_WITH_AGENCY' },
];

/**
 * Peer organisations of the 50-249 band (with Fietsfabriek, Kantoorpunt, Museum and Brightline: 12 eligible
 * tenants, a release with peerCount 10). Each has two assessments, five quarters apart.
 */
const PEERS: Archetype[] = [
  { name: 'Drukkerij De Ridder', employeeCount: 72, market: 'B2B', culture: 'MIXED', locations: 1, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'MANAGEMENT'], sector: 'Printing', lag: 0 },
  { name: 'Tandartsenpraktijk Zuid', employeeCount: 55, market: 'B2C', culture: 'INFORMAL', locations: 3, departments: ['MARKETING', 'CUSTOMER_SERVICE', 'MANAGEMENT'], sector: 'Dental care', lag: 0 },
  { name: 'Veldhoven Installatietechniek', employeeCount: 180, market: 'B2B', culture: 'HIERARCHICAL', locations: 2, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT', 'HR'], sector: 'Installation', lag: 0 },
  { name: 'Stadsschouwburg Oost', employeeCount: 95, market: 'B2C', culture: 'MIXED', locations: 1, departments: ['MARKETING', 'PR', 'CUSTOMER_SERVICE', 'OTHER'], sector: 'Theatre', lag: 1 },
  { name: 'Koffiebranderij Aroma', employeeCount: 60, market: 'MIXED', culture: 'INFORMAL', locations: 4, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'PRODUCT'], sector: 'Food production', lag: 0 },
  { name: 'Woonstichting Het Anker', employeeCount: 230, market: 'B2C', culture: 'HIERARCHICAL', locations: 3, departments: ['CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Housing', lag: 0 },
  { name: 'Bureau Kompas Advies', employeeCount: 120, market: 'B2B', culture: 'INFORMAL', locations: 2, departments: ['MARKETING', 'SALES', 'PR', 'MANAGEMENT'], sector: 'Consultancy', lag: 1 },
  { name: 'Sportcentrum De Vaart', employeeCount: 80, market: 'B2C', culture: 'MIXED', locations: 2, departments: ['MARKETING', 'CUSTOMER_SERVICE', 'HR', 'MANAGEMENT'], sector: 'Sports', lag: 0 },
];
/** Which of the six periods a peer organisation submits: the first and the last. */
const PEER_PERIODS = [0, PERIODS - 1];

const FIRST_NAMES = ['Anouk', 'Bram', 'Chantal', 'Daan', 'Eva', 'Femke', 'Gijs', 'Hanna', 'Imane', 'Jeroen', 'Kim', 'Lars', 'Maud', 'Nina', 'Omar', 'Pieter', 'Roos', 'Sanne', 'Thijs', 'Yara'];
const LAST_NAMES = ['Bakker', 'Jansen', 'de Boer', 'Visser', 'Smit', 'Mulder', 'Bos', 'Peters', 'Hendriks', 'Dekker', 'El Amrani', 'van Leeuwen', 'Kok', 'Vos'];

const INITIATIVE_TEMPLATES: { name: string; owner: Department; fallback: Department }[] = [
  { name: 'LinkedIn thought leadership', owner: 'MARKETING', fallback: 'CORPORATE_COMMUNICATIONS' },
  { name: 'Webcare: customer service on social', owner: 'CUSTOMER_SERVICE', fallback: 'MARKETING' },
  { name: 'Instagram campaigns', owner: 'MARKETING', fallback: 'PR' },
  { name: 'Employer branding', owner: 'HR', fallback: 'CORPORATE_COMMUNICATIONS' },
  { name: 'Employee advocacy programme', owner: 'CORPORATE_COMMUNICATIONS', fallback: 'MARKETING' },
  { name: 'Social selling pilot', owner: 'SALES', fallback: 'MARKETING' },
  { name: 'Customer community', owner: 'CUSTOMER_SERVICE', fallback: 'MARKETING' },
  { name: 'Reputation monitoring', owner: 'PR', fallback: 'CORPORATE_COMMUNICATIONS' },
];

/** Who usually owns a task when no team member does. */
const DEPARTMENT_OWNER: Record<Responsibility, Department[]> = {
  CHANNEL_MANAGEMENT: ['MARKETING', 'CORPORATE_COMMUNICATIONS'],
  CONTENT_MARKETING: ['MARKETING', 'CORPORATE_COMMUNICATIONS'],
  AUDIENCE_ENGAGEMENT: ['CUSTOMER_SERVICE', 'MARKETING'],
  REPUTATION_MANAGEMENT: ['PR', 'CORPORATE_COMMUNICATIONS', 'MARKETING'],
  INTERNAL_REPORTING: ['CORPORATE_COMMUNICATIONS', 'MARKETING'],
  POLICY_ROLE_MODEL: ['CORPORATE_COMMUNICATIONS', 'HR', 'MANAGEMENT'],
  TOOLING: ['IT', 'MARKETING'],
  KNOWLEDGE_SHARING: ['HR', 'CORPORATE_COMMUNICATIONS', 'MARKETING'],
  COMMUNITY_MANAGEMENT: ['CUSTOMER_SERVICE', 'MARKETING'],
};

/** The usual order in which organisations take on the nine tasks. */
const ADOPTION_ORDER: Responsibility[] = [
  'CHANNEL_MANAGEMENT',
  'CONTENT_MARKETING',
  'AUDIENCE_ENGAGEMENT',
  'REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING',
  'TOOLING',
  'POLICY_ROLE_MODEL',
  'KNOWLEDGE_SHARING',
  'COMMUNITY_MANAGEMENT',
];

const FAILURE_POOL: FailureFactor[] = ['NO_STRATEGY', 'NO_BUDGET', 'NO_TIME', 'NO_SKILLS', 'NO_MEASUREMENT', 'UNCLEAR_OWNERSHIP'];

// ---- what each client draws once, and its state in each period -------------------------------------------------

interface MemberPlan {
  name: string;
  department: Department;
  external: boolean;
  insight: number;
  experience: number;
  affinity: number;
  /** Joins when the client's maturity reaches this level. */
  joinsAt: number;
  team: string;
}

interface InitiativePlan {
  name: string;
  ownerDepartment: Department;
  outsourcing: Outsourcing;
  startsAt: number;
  failureFactors: FailureFactor[];
  stops: boolean;
}

export interface ClientPlan {
  archetype: Archetype;
  slug: string;
  setUp: SetUp;
  selfRated: (typeof SURVEY.selfRated)[number][0];
  teamSize: number;
  members: MemberPlan[];
  initiatives: InitiativePlan[];
  measures: { name: string; kind: KpiKind }[];
  satisfaction: number;
  managementSupport: number;
  communityApplicable: boolean;
  policyAt: number;
  crisisPlanAt: number;
  monitoringAt: number;
  responsibilityOrder: Responsibility[];
  /** Maturity 0-1 in each of the six periods, oldest first. */
  maturity: number[];
}

export function planClient(archetype: Archetype, index: number): ClientPlan {
  const rng = mulberry32(SEED + index * 7919);
  const slug = archetype.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const has = (d: Department) => archetype.departments.includes(d);
  const drawn = weighted(rng, SURVEY.setUp);
  const setUp = archetype.setUp ?? drawn;
  const [lo, hi] = weighted(rng, SURVEY.teamSize);
  const teamSize = between(rng, lo, hi);
  const selfRated = weighted(rng, SURVEY.selfRated);
  const target = { ADVANCED: 0.9, INTERMEDIATE: 0.68, BEGINNER: 0.42 }[selfRated] + (rng() - 0.5) * 0.12;
  const start = clamp(target * (0.12 + rng() * 0.25), 0.03, 0.4);
  const maturity = Array.from({ length: PERIODS }, (_, k) =>
    clamp(start + (target - start) * Math.pow(k / (PERIODS - 1), 0.85) + (rng() - 0.5) * 0.05, 0, 1),
  );
  if (archetype.setback) maturity[PERIODS - 1] = clamp(maturity[PERIODS - 2] - 0.25, 0.05, 1);

  const involved = SURVEY.departmentsInvolved.filter(([d]) => has(d));
  const drawDepartment = (): Department => (involved.length ? weighted(rng, involved) : archetype.departments[0]);
  const names = shuffled(rng, FIRST_NAMES).map((first, i) => `${first} ${LAST_NAMES[(i * 5 + index) % LAST_NAMES.length]}`);
  const external = setUp === 'FULLY_OUTSOURCED';
  const teamName = external ? 'Agency team' : 'Social media team';
  const members: MemberPlan[] = Array.from({ length: teamSize }, (_, i) => ({
    name: names[i],
    department: i === 0 && has('MARKETING') && chance(rng, 0.5) ? 'MARKETING' : drawDepartment(),
    external: external || (setUp === 'HYBRID_WITH_AGENCY' && i % 2 === 1),
    insight: between(rng, 2, 4),
    experience: between(rng, 1, 4),
    affinity: between(rng, 3, 5),
    // The first member is there from the start, unless the client starts without any team.
    joinsAt: i === 0 ? 0.12 : 0.12 + (i / teamSize) * 0.55,
    team: teamSize >= 7 && i >= Math.ceil(teamSize / 2) ? 'Customer care spoke' : teamName,
  }));
  // Sales is missing from the survey's teams; in some B2B and mixed clients it joins as the team matures.
  if (has('SALES') && archetype.market !== 'B2C' && !external && chance(rng, 0.6)) {
    members.push({
      name: names[teamSize],
      department: 'SALES',
      external: false,
      insight: between(rng, 2, 4),
      experience: between(rng, 2, 3),
      affinity: between(rng, 3, 4),
      joinsAt: 0.55,
      team: teamName,
    });
  }

  const outsourcingOf = (): Outsourcing =>
    setUp === 'FULLY_OUTSOURCED' ? 'FULL' : setUp === 'HYBRID_WITH_AGENCY' ? 'PARTIAL' : chance(rng, 0.15) ? 'PARTIAL' : 'NONE';
  const templates = shuffled(
    rng,
    INITIATIVE_TEMPLATES.filter((t) => (t.owner === 'SALES' ? has('SALES') : true)),
  ).slice(0, between(rng, 3, 5));
  const initiatives: InitiativePlan[] = templates.map((t, i) => ({
    name: t.name,
    ownerDepartment: has(t.owner) ? t.owner : has(t.fallback) ? t.fallback : archetype.departments[0],
    outsourcing: outsourcingOf(),
    startsAt: i === 0 ? 0 : 0.1 + i * 0.15,
    failureFactors: shuffled(rng, FAILURE_POOL).slice(0, between(rng, 0, 2)),
    stops: i > 0 && chance(rng, 0.15),
  }));
  const measures = SURVEY.measured.filter((m) => chance(rng, m.share)).map(({ name, kind }) => ({ name, kind }));
  if (measures.length === 0) measures.push({ name: 'Followers and likes', kind: 'VANITY' });

  return {
    archetype,
    slug,
    setUp,
    selfRated,
    teamSize,
    members,
    initiatives,
    measures,
    satisfaction: weighted(rng, SURVEY.satisfaction),
    managementSupport: weighted(rng, SURVEY.managementSupport),
    communityApplicable: archetype.market !== 'B2B' ? chance(rng, 0.7) : chance(rng, 0.3),
    policyAt: 0.25 + rng() * 0.35,
    crisisPlanAt: 0.35 + rng() * 0.45,
    monitoringAt: 0.2 + rng() * 0.4,
    responsibilityOrder: [...ADOPTION_ORDER.slice(0, 3), ...shuffled(rng, ADOPTION_ORDER.slice(3))],
    maturity,
  };
}

interface MemberState {
  name: string;
  department: Department;
  external: boolean;
  insight: number;
  experience: number;
  affinity: number;
}

type OwnerState = { ownerKind: 'MEMBER'; member: string } | { ownerKind: 'DEPARTMENT'; department: Department } | { ownerKind: 'AGENCY' };

interface InitiativeState {
  name: string;
  status: InitiativeStatus;
  ownerDepartment: Department;
  outsourcing: Outsourcing;
  kpis: { name: string; kind: KpiKind }[];
  satisfaction: number | null;
  failureFactors: FailureFactor[];
}

export interface PeriodState {
  teams: { name: string; members: MemberState[] }[];
  owners: Partial<Record<Responsibility, OwnerState>>;
  initiatives: InitiativeState[];
  answers: {
    overallSatisfaction: number;
    managementSupport: number;
    hasPolicy: boolean;
    policyRoleModel: number;
    hasCrisisPlan: boolean;
    hasMonitoring: boolean;
    reportingCadence: ReportingCadence;
    communityApplicable: boolean;
  };
}

/** The client's facts and answers in period k: a pure function of the plan. */
export function stateOf(plan: ClientPlan, k: number): PeriodState {
  const m = plan.maturity[k];
  const setback = plan.archetype.setback === true && k === PERIODS - 1;
  const grown = (v: number) => clamp(v + (m > 0.6 ? 1 : 0), 1, 5);
  const present = plan.members.filter((p, i) => m >= p.joinsAt && !(setback && i === 0));
  const teams = new Map<string, MemberState[]>();
  for (const p of plan.members) if (m >= p.joinsAt) teams.set(p.team, teams.get(p.team) ?? []);
  for (const p of present) {
    teams.get(p.team)?.push({
      name: p.name,
      department: p.department,
      external: p.external,
      insight: grown(p.insight),
      experience: grown(p.experience),
      affinity: p.affinity,
    });
  }

  const applicable = plan.responsibilityOrder.filter((r) => r !== 'COMMUNITY_MANAGEMENT' || plan.communityApplicable);
  const owned = applicable.slice(0, Math.round(applicable.length * clamp(0.15 + m * 0.95, 0, 1)));
  const inHouse = present.filter((p) => !p.external);
  const departmentFor = (r: Responsibility) =>
    DEPARTMENT_OWNER[r].find((d) => plan.archetype.departments.includes(d)) ?? plan.archetype.departments[0];
  const owners: Partial<Record<Responsibility, OwnerState>> = {};
  owned.forEach((r, i) => {
    const agency =
      plan.setUp === 'FULLY_OUTSOURCED' ||
      (plan.setUp === 'HYBRID_WITH_AGENCY' && (r === 'CONTENT_MARKETING' || r === 'CHANNEL_MANAGEMENT' || r === 'REPUTATION_MANAGEMENT'));
    const byMember = inHouse.length > 0 && (plan.setUp === 'DEDICATED' || (i + Math.round(m * 10)) % 3 !== 0);
    owners[r] = agency
      ? { ownerKind: 'AGENCY' }
      : byMember
        ? { ownerKind: 'MEMBER', member: inHouse[i % inHouse.length].name }
        : { ownerKind: 'DEPARTMENT', department: departmentFor(r) };
  });

  const adopted = plan.measures.slice(0, Math.max(1, Math.round(plan.measures.length * clamp(0.1 + m, 0, 1))));
  const satisfaction = clamp(Math.round(plan.satisfaction - (1 - m) * 1.6 - (setback ? 1.5 : 0)), 1, 5);
  const initiatives = plan.initiatives
    .filter((i) => m >= i.startsAt)
    .map((i, n): InitiativeState => {
      const mature = m - i.startsAt;
      const status: InitiativeStatus = i.stops && mature > 0.2 ? 'STOPPED' : mature > 0.45 ? 'COMPLETED' : mature > 0.05 ? 'ACTIVE' : 'PLANNED';
      const kpis = status === 'PLANNED' ? [] : adopted.filter((_, j) => (j + n) % 2 === 0 || j === adopted.length - 1).slice(0, 3);
      return {
        name: i.name,
        status,
        ownerDepartment: i.ownerDepartment,
        outsourcing: i.outsourcing,
        kpis,
        satisfaction: status === 'PLANNED' ? null : clamp(satisfaction + ((n % 3) - 1), 1, 5),
        failureFactors: m < 0.55 || status === 'STOPPED' ? i.failureFactors : [],
      };
    });

  const cadences: ReportingCadence[] = ['NONE', 'AD_HOC', 'QUARTERLY', 'MONTHLY', 'WEEKLY'];
  return {
    teams: [...teams].map(([name, members]) => ({ name, members })),
    owners,
    initiatives,
    answers: {
      overallSatisfaction: satisfaction,
      managementSupport: clamp(plan.managementSupport - (m < 0.3 ? 1 : 0), 1, 5),
      hasPolicy: m >= plan.policyAt,
      policyRoleModel: clamp(Math.round(1.5 + m * 3.5), 1, 5),
      hasCrisisPlan: m >= plan.crisisPlanAt && !setback,
      hasMonitoring: m >= plan.monitoringAt,
      reportingCadence: cadences[clamp(Math.floor(m * 5.2), 0, 4)],
      communityApplicable: plan.communityApplicable,
    },
  };
}

// ---- periods and their dates ---------------------------------------------------------------------------------

interface PeriodSlot {
  period: string;
  submittedAt: Date;
}

const quarterStart = (year: number, q: number) => new Date(Date.UTC(year, (q - 1) * 3, 1));

/** The six quarters of a client's history, oldest first, each with a date inside it (never in the future). */
export function periodsOf(plan: ClientPlan, index: number, now: Date): PeriodSlot[] {
  const rng = mulberry32(SEED ^ (index * 104_729));
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  let lag: number = plan.archetype.lag;
  if (lag === 0 && now.getTime() - quarterStart(year, q).getTime() < 3 * DAY) lag = 1;
  const quarters: [number, number][] = [];
  for (let back = lag + PERIODS - 1; back >= lag; back--) {
    let [y, qq] = [year, q - back];
    while (qq < 1) [y, qq] = [y - 1, qq + 4];
    quarters.push([y, qq]);
  }
  const offset = between(rng, 12, 45);
  return quarters.map(([y, qq]) => {
    const start = quarterStart(y, qq).getTime();
    const day = clamp(offset + between(rng, -6, 6), 1, 80);
    const at = Math.min(start + day * DAY + between(rng, 9 * 60, 16 * 60) * 60_000, now.getTime() - DAY);
    return { period: `${y}-Q${qq}`, submittedAt: new Date(Math.max(at, start + 3_600_000)) };
  });
}

// ---- the GraphQL API over HTTP -----------------------------------------------------------------------------------

interface GqlError {
  message: string;
  extensions?: { code?: string };
}

class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

type Gql = <T>(query: string, variables?: Record<string, unknown>, tenant?: string) => Promise<T>;

function client(baseUrl: string, token: () => string | null): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}, tenant?: string): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (tenant) headers['x-tenant-id'] = tenant;
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new ApiError(`${first.message} (${first.extensions?.code ?? res.status})`, first.extensions?.code);
    }
    return body.data as T;
  };
}

interface ServerState {
  teams: {
    id: string;
    name: string;
    members: (MemberState & { id: string })[];
  }[];
  responsibilities: {
    responsibility: Responsibility;
    ownerKind: 'MEMBER' | 'DEPARTMENT' | 'AGENCY';
    department: Department | null;
    member: { id: string; name: string } | null;
  }[];
  initiatives: { edges: { node: InitiativeState & { id: string; version: number } }[] };
}

const TEAMS_QUERY = `
  query DemoTeams {
    tenant {
      teams { id name members { id name department external insight experience affinity } }
      responsibilities { responsibility ownerKind department member { id name } }
    }
  }`;

const INITIATIVES_QUERY = `
  query DemoInitiatives {
    tenant {
      initiatives(first: 20) {
        edges { node { id name status ownerDepartment outsourcing satisfaction failureFactors version kpis { name kind } } }
      }
    }
  }`;

const sameList = <T>(a: readonly T[], b: readonly T[]) => JSON.stringify(a) === JSON.stringify(b);

/** Brings the tenant's recorded facts to the desired state with the API's own mutations; a no-op when they match. */
async function reconcile(gql: Gql, tenant: string, desired: PeriodState): Promise<number> {
  let changes = 0;
  // Two reads: one would exceed the API's query cost limit (as it should for a client).
  const [{ tenant: people }, { tenant: work }] = await Promise.all([
    gql<{ tenant: Omit<ServerState, 'initiatives'> }>(TEAMS_QUERY, {}, tenant),
    gql<{ tenant: Pick<ServerState, 'initiatives'> }>(INITIATIVES_QUERY, {}, tenant),
  ]);
  const current: ServerState = { ...people, ...work };
  const memberIds = new Map<string, string>();
  const wanted = new Set(desired.teams.flatMap((t) => t.members.map((m) => m.name)));

  for (const team of current.teams) {
    for (const member of team.members) {
      if (!wanted.has(member.name)) {
        await gql(`mutation($id: ID!) { removeTeamMember(id: $id) }`, { id: member.id }, tenant);
        changes++;
      }
    }
  }
  for (const team of desired.teams) {
    let existing = current.teams.find((t) => t.name === team.name);
    if (!existing) {
      const { createTeam } = await gql<{ createTeam: { id: string } }>(
        `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
        { input: { name: team.name } },
        tenant,
      );
      existing = { id: createTeam.id, name: team.name, members: [] };
      changes++;
    }
    for (const member of team.members) {
      const found = current.teams.flatMap((t) => t.members).find((m) => m.name === member.name);
      if (!found) {
        const { addTeamMember } = await gql<{ addTeamMember: { id: string } }>(
          `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }`,
          { input: { teamId: existing.id, ...member } },
          tenant,
        );
        memberIds.set(member.name, addTeamMember.id);
        changes++;
        continue;
      }
      memberIds.set(member.name, found.id);
      const { id: _id, name: _name, ...now } = found;
      const { name: _n, ...then } = member;
      if (JSON.stringify(now, Object.keys(then).sort()) !== JSON.stringify(then, Object.keys(then).sort())) {
        await gql(
          `mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { id } }`,
          { input: { id: found.id, ...then } },
          tenant,
        );
        changes++;
      }
    }
  }

  for (const responsibility of RESPONSIBILITIES) {
    const want = desired.owners[responsibility];
    const have = current.responsibilities.find((r) => r.responsibility === responsibility);
    const haveMember = have?.member && wanted.has(have.member.name) ? have.member.name : null;
    const same =
      (!want && !have) ||
      (want &&
        have &&
        want.ownerKind === have.ownerKind &&
        (want.ownerKind !== 'MEMBER' || want.member === haveMember) &&
        (want.ownerKind !== 'DEPARTMENT' || want.department === have.department));
    if (same) continue;
    if (!want) {
      await gql(`mutation($r: Responsibility!) { unassignResponsibility(responsibility: $r) }`, { r: responsibility }, tenant);
    } else {
      const input =
        want.ownerKind === 'MEMBER'
          ? { responsibility, ownerKind: 'MEMBER', memberId: memberIds.get(want.member) }
          : want.ownerKind === 'DEPARTMENT'
            ? { responsibility, ownerKind: 'DEPARTMENT', department: want.department }
            : { responsibility, ownerKind: 'AGENCY' };
      await gql(
        `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { responsibility } }`,
        { input },
        tenant,
      );
    }
    changes++;
  }

  for (const initiative of desired.initiatives) {
    const found = current.initiatives.edges.map((e) => e.node).find((i) => i.name === initiative.name);
    if (!found) {
      await gql(
        `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
        { input: initiative },
        tenant,
      );
      changes++;
      continue;
    }
    const differs =
      found.status !== initiative.status ||
      found.outsourcing !== initiative.outsourcing ||
      found.satisfaction !== initiative.satisfaction ||
      !sameList(found.failureFactors, initiative.failureFactors) ||
      !sameList(
        found.kpis.map((k) => [k.name, k.kind]),
        initiative.kpis.map((k) => [k.name, k.kind]),
      );
    if (differs) {
      const { name: _name, ownerDepartment: _owner, ...changed } = initiative;
      await gql(
        `mutation($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { id } }`,
        { input: { id: found.id, expectedVersion: found.version, ...changed } },
        tenant,
      );
      changes++;
    }
  }
  return changes;
}

// ---- loading -------------------------------------------------------------------------------------------------

interface Submitted {
  id: string;
  period: string;
  overallScore: number;
  stage: Stage;
  delta: number | null;
}

export interface DemoClient {
  id: string;
  name: string;
  plan: ClientPlan;
  latest: Submitted;
  lastSubmittedAt: Date;
}

export interface DemoResult {
  clients: DemoClient[];
  created: { consultant: boolean; tenants: number; assessments: number; factChanges: number };
}

/**
 * Spreads a client's submission times over its quarters (demo-only; see the file's comment): the benchmark counts
 * a tenant as a peer only when its submissions lie 60+ days apart by server time. Row-level security is forced on
 * assessments, for the owner too: the tenant is selected like the API does.
 */
async function spreadSubmissions(pool: Pool, tenantId: string, submitted: { id: string; at: Date }[]): Promise<void> {
  const admin = await pool.connect();
  await admin.query('BEGIN');
  try {
    await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    await admin.query(
      `UPDATE assessments a SET submitted_at = s.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS s (id, at)
        WHERE a.id = s.id AND abs(extract(epoch FROM a.submitted_at - s.at)) > 60`,
      [submitted.map((x) => x.id), submitted.map((x) => x.at)],
    );
    await admin.query('COMMIT');
  } catch (e) {
    await admin.query('ROLLBACK');
    throw e;
  } finally {
    admin.release();
  }
}

async function loadClient(
  gql: Gql,
  admin: Pool,
  existing: Map<string, string>,
  archetype: Archetype,
  index: number,
  now: Date,
  counts: DemoResult['created'],
  role: { asConsultant: boolean; periods?: number[] } = { asConsultant: true },
): Promise<DemoClient> {
  const plan = planClient(archetype, index);
  let id = existing.get(archetype.name);
  if (!id) {
    const { createTenant } = await gql<{ createTenant: { id: string } }>(
      `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`,
      {
        input: {
          name: archetype.name,
          asConsultant: role.asConsultant,
          profile: {
            employeeCount: archetype.employeeCount,
            departments: archetype.departments,
            culture: archetype.culture,
            market: archetype.market,
            locations: archetype.locations,
            sector: archetype.sector,
          },
        },
      },
    );
    id = createTenant.id;
    counts.tenants++;
  }
  const { assessments } = await gql<{ assessments: { edges: { node: { period: string } }[] } }>(
    `query { assessments(first: 50) { edges { node { period } } } }`,
    {},
    id,
  );
  const done = new Set(assessments.edges.map((e) => e.node.period));
  const slots = periodsOf(plan, index, now);
  const submitted: { id: string; at: Date }[] = [];
  let latest: Submitted | null = null;
  for (const [k, slot] of slots.entries()) {
    if (role.periods && !role.periods.includes(k)) continue;
    const state = stateOf(plan, k);
    if (!done.has(slot.period)) counts.factChanges += await reconcile(gql, id, state);
    const { submitAssessment } = await gql<{ submitAssessment: Submitted }>(
      `mutation($input: SubmitAssessmentInput!) {
         submitAssessment(input: $input) { id period overallScore stage delta }
       }`,
      { input: { period: slot.period, answers: state.answers, idempotencyKey: `demo:${plan.slug}:${slot.period}` } },
      id,
    );
    if (!done.has(slot.period)) counts.assessments++;
    submitted.push({ id: submitAssessment.id, at: slot.submittedAt });
    latest = submitAssessment;
  }
  if (!latest) throw new Error(`no period loaded for ${archetype.name}`);
  await spreadSubmissions(admin, id, submitted);
  return { id, name: archetype.name, plan, latest, lastSubmittedAt: slots[slots.length - 1].submittedAt };
}

/** Logs in the demo account, or signs it up on the first run; true when it was created. */
async function logInOrSignUp(gql: Gql, login: typeof DEMO_LOGIN, setToken: (token: string) => void): Promise<boolean> {
  try {
    const { logIn } = await gql<{ logIn: { token: string } }>(
      `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`,
      { email: login.email, password: login.password },
    );
    setToken(logIn.token);
    return false;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'UNAUTHENTICATED') throw e;
    const { signUp } = await gql<{ signUp: { token: string } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
      { input: login },
    );
    setToken(signUp.token);
    return true;
  }
}

async function tenantsWithRole(gql: Gql, role: string): Promise<Map<string, string>> {
  const { myTenants } = await gql<{ myTenants: { edges: { node: { id: string; name: string; myRole: string } }[] } }>(
    `query { myTenants(first: 100) { edges { node { id name myRole } } } }`,
  );
  return new Map(myTenants.edges.filter((e) => e.node.myRole === role).map((e) => [e.node.name, e.node.id]));
}

export interface DemoBenchmark {
  sizeBand: string;
  source: string;
  peerCount: number;
  quarter: number | null;
  release: { p25: number; p50: number; p75: number; releasedAt: string; epsilon: number } | null;
}

/** Loads the demo through the API at baseUrl; `adminUrl` is only for spreading the submission times. */
export async function loadDemo(
  baseUrl: string,
  adminUrl: string,
  now = new Date(),
): Promise<DemoResult & { peers: DemoClient[]; benchmarks: Map<string, DemoBenchmark> }> {
  let token: string | null = null;
  let peersToken: string | null = null;
  const gql = client(baseUrl, () => token);
  const peersGql = client(baseUrl, () => peersToken);
  const counts = { consultant: false, tenants: 0, assessments: 0, factChanges: 0 };
  counts.consultant = await logInOrSignUp(gql, DEMO_LOGIN, (t) => (token = t));
  await logInOrSignUp(peersGql, DEMO_PEERS_LOGIN, (t) => (peersToken = t));
  const existing = await tenantsWithRole(gql, 'CONSULTANT');
  const existingPeers = await tenantsWithRole(peersGql, 'OWNER');

  const admin = new Pool({ connectionString: adminUrl, max: 3 });
  try {
    const clients: DemoClient[] = [];
    // Three clients at a time; each client's periods stay in order.
    for (let i = 0; i < CLIENTS.length; i += 3) {
      const batch = CLIENTS.slice(i, i + 3).map((archetype, j) => loadClient(gql, admin, existing, archetype, i + j, now, counts));
      clients.push(...(await Promise.all(batch)));
    }
    const peers: DemoClient[] = [];
    for (let i = 0; i < PEERS.length; i += 3) {
      const batch = PEERS.slice(i, i + 3).map((archetype, j) =>
        loadClient(peersGql, admin, existingPeers, archetype, 100 + i + j, now, counts, { asConsultant: false, periods: PEER_PERIODS }),
      );
      peers.push(...(await Promise.all(batch)));
    }
    // Read after loading: the day's release of a band is made by its first read (every client of a band then
    // reads that same release all day).
    const benchmarks = new Map<string, DemoBenchmark>();
    for (const c of clients) {
      const { benchmark } = await gql<{ benchmark: DemoBenchmark }>(
        `query { benchmark { sizeBand source peerCount quarter release { p25 p50 p75 releasedAt epsilon } } }`,
        {},
        c.id,
      );
      benchmarks.set(c.id, benchmark);
    }
    return { clients, peers, benchmarks, created: counts };
  } finally {
    await admin.end();
  }
}

// ---- the command ------------------------------------------------------------------------------------------------

async function isReachable(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await probe.connect();
    await probe.end();
    return true;
  } catch {
    return false;
  }
}

const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text;
const one = (n: number | null) => (n === null ? '—' : (Math.round(n * 10) / 10).toFixed(1));
const signed = (n: number | null) => (n !== null && Math.round(n * 10) > 0 ? `+${one(n)}` : one(n));

const placement = (b: DemoBenchmark | undefined) =>
  !b ? '—' : b.release ? (b.quarter === null ? 'release' : `quarter ${b.quarter}`) : 'survey';

function report(result: Awaited<ReturnType<typeof loadDemo>>, port: number, started: number, now: Date): string {
  const { clients, peers, benchmarks, created } = result;
  const total = clients.length * PERIODS + peers.length * PEER_PERIODS.length;
  const lines = [
    '',
    `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${clients.length} client organisations and ${peers.length} benchmark peers (${DEMO_PEERS_LOGIN.email}), ${total} assessments ` +
      `(this run created ${created.tenants} organisations and ${created.assessments} assessments${created.consultant ? ', and the consultant' : ''}; ` +
      `${created.factChanges} fact changes).`,
    '',
    `  Log in      ${DEMO_LOGIN.email}`,
    `  Password    ${DEMO_LOGIN.password}`,
    `  Dashboard   npm start, then open http://localhost:${port}/dashboard`,
    `  GraphQL     http://localhost:${port}/graphql (Apollo Sandbox in development)`,
    '',
    `  ${pad('client', 24)} ${padStart('staff', 5)}  ${pad('market', 6)} ${pad('culture', 12)} ${pad('set-up', 22)} ${padStart('score', 5)}  ${pad('stage', 10)} ${padStart('change', 6)}  ${pad('benchmark', 9)}  last`,
  ];
  for (const c of clients) {
    const a = c.plan.archetype;
    const overdue = now.getTime() - c.lastSubmittedAt.getTime() > 90 * DAY;
    lines.push(
      `  ${pad(c.name, 24)} ${padStart(String(a.employeeCount), 5)}  ${pad(a.market, 6)} ${pad(a.culture, 12)} ${pad(c.plan.setUp, 22)} ` +
        `${padStart(one(c.latest.overallScore), 5)}  ${pad(c.latest.stage, 10)} ${padStart(signed(c.latest.delta), 6)}  ` +
        `${pad(placement(benchmarks.get(c.id)), 9)}  ${c.latest.period}` +
        `${overdue ? ' (overdue)' : ''}${c.latest.delta !== null && c.latest.delta <= -10 ? ' (score drop)' : ''}`,
    );
  }
  lines.push('', 'Benchmark (one differentially private release per size band and UTC day, over tenants with submissions 60+ days apart):');
  for (const band of ['1-49', '50-249', '250-999', '1000+']) {
    const b = [...benchmarks.values()].find((x) => x.sizeBand === band);
    if (!b) continue;
    lines.push(
      b.release
        ? `  ${pad(band, 8)} release of ${b.release.releasedAt}: p25 ${one(b.release.p25)}, p50 ${one(b.release.p50)}, ` +
            `p75 ${one(b.release.p75)}; ${b.peerCount} eligible tenants (rounded down to a multiple of 5), epsilon ${b.release.epsilon}`
        : `  ${pad(band, 8)} fewer than 10 eligible tenants: the 2012 survey serves (${b.source})`,
    );
  }
  const example = clients.find((c) => c.name === 'Zorggroep Rivierenland') ?? clients[0];
  const benchmarked = clients.find((c) => benchmarks.get(c.id)?.release) ?? example;
  const url = `http://localhost:${port}/graphql`;
  const curl = (query: string, tenant?: string) =>
    `curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN"` +
    (tenant ? ` -H 'x-tenant-id: ${tenant}'` : '') +
    ` \\\n    -d '${JSON.stringify({ query })}'`;
  lines.push(
    '',
    'Four example queries (with `npm start` running; first get a token):',
    '',
    `  TOKEN=$(curl -s ${url} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({
      query: `mutation { logIn(email: "${DEMO_LOGIN.email}", password: "${DEMO_LOGIN.password}") { token } }`,
    }).replace(/'/g, "'\\''")}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).data.logIn.token')`,
    '',
    '  # 1. The portfolio: every client with its stage, change, due date and alerts',
    `  ${curl('{ portfolio { overdueCount entries { tenant { name } stage delta dueAt overdue weakestDimension scoreDropAlert } } }')}`,
    '',
    `  # 2. Growth of ${example.name}: six quarters, trends and the projected next stage`,
    `  ${curl('{ tenant { name growth { points { period overallScore stage } nextStage projectedNextStageAt } } }', example.id)}`,
    '',
    `  # 3. What to do next at ${example.name}: the latest findings, most severe first`,
    `  ${curl('{ tenant { latestAssessment { period overallScore stage findings { severity code recommendation } } } }', example.id)}`,
    '',
    `  # 4. Where ${benchmarked.name} stands in its size band: the day's release and its quarter`,
    `  ${curl('{ benchmark { sizeBand source peerCount quarter ownScore release { p25 p50 p75 releasedAt epsilon } } }', benchmarked.id)}`,
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    // The API's own request log would drown the summary; errors reach the loader as GraphQL errors anyway.
    LOG_LEVEL: 'fatal',
    // The loader makes about a thousand requests a minute as one user; the limits protect a public API.
    RATE_LIMIT_PER_IP: '1000000',
    RATE_LIMIT_PER_USER: '1000000',
    ...process.env,
  };
  // `npm start` may already run the embedded server on its port: then load into that one.
  if (!env.DATABASE_URL) {
    const running = `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT ?? 54329}/social_maturity`;
    if (await isReachable(running)) env.DATABASE_URL = running;
  }
  const config = loadConfig(env);
  const say = (line: string) => console.log(line);
  say('Preparing the database…');
  const db = await prepareDatabase(config, say);
  const app = await createApp(config, db.appUrl);
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    say(`API running in this process on port ${port}; loading the demo through GraphQL…`);
    const now = new Date();
    const result = await loadDemo(`http://127.0.0.1:${port}`, db.adminUrl, now);
    say(report(result, config.port, started, now));
  } finally {
    await app.close();
    await db.close();
  }
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
