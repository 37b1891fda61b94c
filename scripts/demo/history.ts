import { mulberry32 } from '../../src/common/prng';
import type {
  Department,
  FailureFactor,
  InitiativeStatus,
  KpiKind,
  Outsourcing,
  ReportingCadence,
  Responsibility,
} from '../../src/scoring/domain';
import { DAY, DEPARTMENT_OWNER, PERIODS, SEED } from './organisations';
import type { ClientPlan } from './plan';
import { between, clamp } from './survey-draws';

// ---- a client's state in each period ---------------------------------------------------------------------------

export interface MemberState {
  name: string;
  department: Department;
  external: boolean;
  insight: number;
  experience: number;
  affinity: number;
}

export type OwnerState = { ownerKind: 'MEMBER'; member: string } | { ownerKind: 'DEPARTMENT'; department: Department } | { ownerKind: 'AGENCY' };

export interface InitiativeState {
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

export interface PeriodSlot {
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
