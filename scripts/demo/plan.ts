import { mulberry32 } from '../../src/common/prng';
import type { Department, FailureFactor, KpiKind, Outsourcing, Responsibility } from '../../src/scoring/domain';
import {
  ADOPTION_ORDER,
  FAILURE_POOL,
  FIRST_NAMES,
  INITIATIVE_TEMPLATES,
  LAST_NAMES,
  PERIODS,
  SEED,
  type Archetype,
} from './organisations';
import { between, chance, clamp, shuffled, SURVEY, weighted, type SetUp } from './survey-draws';

// ---- what each client draws once -------------------------------------------------------------------------------

export interface MemberPlan {
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

export interface InitiativePlan {
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
