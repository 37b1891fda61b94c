import { buildScoringContext, salesOwnsAResponsibility } from './context';
import {
  DEPARTMENTS,
  RESPONSIBILITIES,
  STAGES,
  type Department,
  type Responsibility,
  type Stage,
} from './domain';
import type { ScoringModel } from './model';
import { score } from './score';
import { stageAfter } from './stages';
import type {
  InitiativeInput,
  KpiInput,
  ResponsibilityAssignmentInput,
  ScoringInputs,
  ScoringResult,
  TeamInput,
  TeamMemberInput,
} from './types';

/**
 * The roadmap (domain.md, "Targets, roadmap and action plan"): the twelve moves, in the order that breaks ties,
 * spelled as the contract's `RoadmapMove` enum.
 */
export const ROADMAP_MOVES = [
  'ASSIGN_OWNER',
  'INSOURCE',
  'SALES_OWNS_ENGAGEMENT',
  'ADD_SALES_MEMBER',
  'ADD_MEMBER_FROM_DEPARTMENT',
  'ADD_BUSINESS_KPI',
  'REPORT_MONTHLY',
  'ADOPT_POLICY',
  'LIVE_THE_POLICY',
  'CRISIS_PLAN',
  'MONITORING',
  'TRAIN_TEAM',
] as const;
export type RoadmapMove = (typeof ROADMAP_MOVES)[number];

/**
 * One applicable move. ASSIGN_OWNER and INSOURCE carry their responsibility, ADD_MEMBER_FROM_DEPARTMENT its
 * department; every other move carries neither (both null), so a move is identified by these three fields.
 */
export interface MoveChoice {
  move: RoadmapMove;
  responsibility: Responsibility | null;
  department: Department | null;
}

export interface RoadmapStep extends MoveChoice {
  /** Unrounded 0-100: the overall score of the inputs once this step (and the ones before it) is made. */
  overallScore: number;
  /** The stage after caps once this step is made. */
  stage: Stage;
  /** Finding codes present before the step and absent after it, in the order of the findings before it. */
  clearsFindings: string[];
}

export interface RoadmapResult {
  targetStage: Stage;
  /** The stage after caps at the end of the steps (or now, without steps) is at or above the target. */
  reachesTarget: boolean;
  /** The score and stage of the inputs the roadmap starts from. */
  startScore: number;
  startStage: Stage;
  steps: RoadmapStep[];
}

/**
 * The deterministic changes the moves make, which the service reproduces through the public API
 * (addTeamMember, assignResponsibility, updateInitiative, the answers) so that the change scores exactly as
 * the step promised. Ids only need to differ from the real (UUID) ids; names are what a person would see.
 */
export const ROADMAP_PLACEHOLDERS = {
  /** The skills of a "new member": insight, experience and affinity. */
  newMemberSkill: 3,
  /** A new member's id is this prefix + its department, e.g. "roadmap-member:SALES". */
  newMemberIdPrefix: 'roadmap-member:',
  /** The team a new member joins when there is no team yet. */
  newTeam: { id: 'roadmap-team', name: 'Social media team' },
  /** The KPI ADD_BUSINESS_KPI gives the first live initiative. */
  businessKpi: { name: 'Leads from social media', kind: 'BUSINESS' } satisfies KpiInput,
  /** LIVE_THE_POLICY raises policyRoleModel below this to this. */
  policyRoleModel: 4,
  /** TRAIN_TEAM raises each in-house skill below this by 1. */
  skillMax: 5,
} as const;

/** The roadmap gives up after this many steps. */
export const ROADMAP_MAX_STEPS = 10;
/** Overall scores within this distance are a tie; a move only "raises" the score by more than this. */
export const ROADMAP_TIE_EPSILON = 1e-9;

const REPORTING_BELOW_MONTHLY = new Set(['NONE', 'AD_HOC', 'QUARTERLY']);

/** The name a new member from a department gets, e.g. "New Sales member". */
export function newMemberName(department: Department): string {
  return `New ${DEPARTMENT_NAMES[department]} member`;
}

const DEPARTMENT_NAMES: Readonly<Record<Department, string>> = {
  MARKETING: 'Marketing',
  SALES: 'Sales',
  PR: 'PR',
  CORPORATE_COMMUNICATIONS: 'Corporate Communications',
  CUSTOMER_SERVICE: 'Customer Service',
  HR: 'HR',
  IT: 'IT',
  LEGAL: 'Legal',
  PRODUCT: 'Product',
  MANAGEMENT: 'Management',
  OTHER: 'Other',
};

/**
 * The "in-house owner" department: MARKETING when the organisation has it, else its first department in the
 * contract's order; null for an organisation without departments (the API requires at least one).
 */
export function inHouseOwnerDepartment(inputs: ScoringInputs): Department | null {
  const departments = inputs.profile.departments;
  if (departments.includes('MARKETING')) return 'MARKETING';
  return DEPARTMENTS.find((department) => departments.includes(department)) ?? null;
}

/** The first live (not STOPPED) initiative, oldest first = the inputs' order; null without one. */
export function firstLiveInitiative(inputs: ScoringInputs): InitiativeInput | null {
  return inputs.initiatives.find((initiative) => initiative.status !== 'STOPPED') ?? null;
}

/** Every move that changes the inputs, in list order, then the contract order of responsibilities/departments. */
export function movesFor(inputs: ScoringInputs, model: ScoringModel): MoveChoice[] {
  const context = buildScoringContext(inputs, model);
  const departments = context.organisationDepartments;
  const owner = inHouseOwnerDepartment(inputs);
  const inHouseDepartments = new Set(context.inHouseMembers.map((member) => member.department));
  const answers = inputs.answers;
  const moves: MoveChoice[] = [];
  const add = (
    move: RoadmapMove,
    responsibility: Responsibility | null = null,
    department: Department | null = null,
  ) => moves.push({ move, responsibility, department });

  if (owner) {
    for (const responsibility of context.applicableResponsibilities) {
      if (!context.owners.has(responsibility)) add('ASSIGN_OWNER', responsibility);
    }
    for (const responsibility of context.applicableResponsibilities) {
      if (context.owners.get(responsibility)?.kind === 'AGENCY') add('INSOURCE', responsibility);
    }
  }
  const hasSales = departments.includes('SALES');
  if (hasSales && !salesOwnsAResponsibility(context)) add('SALES_OWNS_ENGAGEMENT');
  if (hasSales && !inHouseDepartments.has('SALES')) add('ADD_SALES_MEMBER');
  for (const department of DEPARTMENTS) {
    if (department !== 'SALES' && departments.includes(department) && !inHouseDepartments.has(department)) {
      add('ADD_MEMBER_FROM_DEPARTMENT', null, department);
    }
  }
  const live = context.liveInitiatives;
  if (live.length > 0 && !live.some((initiative) => initiative.kpis.some((kpi) => kpi.kind === 'BUSINESS'))) {
    add('ADD_BUSINESS_KPI');
  }
  if (REPORTING_BELOW_MONTHLY.has(answers.reportingCadence)) add('REPORT_MONTHLY');
  if (!answers.hasPolicy) add('ADOPT_POLICY');
  if (answers.policyRoleModel < ROADMAP_PLACEHOLDERS.policyRoleModel) add('LIVE_THE_POLICY');
  if (!answers.hasCrisisPlan) add('CRISIS_PLAN');
  if (!answers.hasMonitoring) add('MONITORING');
  if (
    context.inHouseMembers.some((member) =>
      skillsOf(member).some((skill) => skill < ROADMAP_PLACEHOLDERS.skillMax),
    )
  ) {
    add('TRAIN_TEAM');
  }
  return moves;
}

/** Whether the move still applies to the inputs (an action carrying it is verified once it no longer does). */
export function moveApplies(inputs: ScoringInputs, model: ScoringModel, choice: MoveChoice): boolean {
  return movesFor(inputs, model).some((candidate) => sameMove(candidate, choice));
}

export function sameMove(a: MoveChoice, b: MoveChoice): boolean {
  return (
    a.move === b.move &&
    (a.responsibility ?? null) === (b.responsibility ?? null) &&
    (a.department ?? null) === (b.department ?? null)
  );
}

/**
 * A copy of the inputs with the move's change made exactly as domain.md says; the inputs are not touched.
 * Meant for a move `movesFor` returned; a move that does not apply gives inputs that score the same or throws
 * when it cannot be made (an owner move in an organisation without departments, a KPI without initiatives).
 */
export function applyMove(inputs: ScoringInputs, choice: MoveChoice): ScoringInputs {
  const answers = inputs.answers;
  switch (choice.move) {
    case 'ASSIGN_OWNER':
    case 'INSOURCE': {
      const department = inHouseOwnerDepartment(inputs);
      if (!department) throw new Error(`${choice.move} needs an organisation with a department`);
      return assign(inputs, required(choice, 'responsibility'), department);
    }
    case 'SALES_OWNS_ENGAGEMENT':
      return assign(inputs, 'AUDIENCE_ENGAGEMENT', 'SALES');
    case 'ADD_SALES_MEMBER':
      return addMember(inputs, 'SALES');
    case 'ADD_MEMBER_FROM_DEPARTMENT':
      return addMember(inputs, required(choice, 'department'));
    case 'ADD_BUSINESS_KPI': {
      const first = firstLiveInitiative(inputs);
      if (!first) throw new Error('ADD_BUSINESS_KPI needs a live initiative');
      return {
        ...inputs,
        initiatives: inputs.initiatives.map((initiative) =>
          initiative === first
            ? { ...initiative, kpis: [...initiative.kpis, { ...ROADMAP_PLACEHOLDERS.businessKpi }] }
            : initiative,
        ),
      };
    }
    case 'REPORT_MONTHLY':
      return { ...inputs, answers: { ...answers, reportingCadence: 'MONTHLY' } };
    case 'ADOPT_POLICY':
      return { ...inputs, answers: { ...answers, hasPolicy: true } };
    case 'LIVE_THE_POLICY':
      return {
        ...inputs,
        answers: {
          ...answers,
          policyRoleModel: Math.max(answers.policyRoleModel, ROADMAP_PLACEHOLDERS.policyRoleModel),
        },
      };
    case 'CRISIS_PLAN':
      return { ...inputs, answers: { ...answers, hasCrisisPlan: true } };
    case 'MONITORING':
      return { ...inputs, answers: { ...answers, hasMonitoring: true } };
    case 'TRAIN_TEAM':
      return {
        ...inputs,
        teams: inputs.teams.map((team) => ({
          ...team,
          members: team.members.map((member) => (member.external ? member : trained(member))),
        })),
      };
  }
}

/**
 * The greedy roadmap toward the target stage: at each step every applicable move is made on a copy and
 * rescored; the highest overall score wins (a later move replaces the best so far only when it scores more than
 * 1e-9 higher, so ties go to list order, then contract order). It stops once the stage after caps reaches the
 * target, when no move raises the overall score by more than 1e-9, or after 10 steps.
 */
export function roadmap(inputs: ScoringInputs, model: ScoringModel, targetStage: Stage): RoadmapResult {
  const target = STAGES.indexOf(targetStage);
  const start = score(inputs, model);
  let current: { inputs: ScoringInputs; result: ScoringResult } = { inputs, result: start };
  const steps: RoadmapStep[] = [];
  while (steps.length < ROADMAP_MAX_STEPS && STAGES.indexOf(current.result.stage) < target) {
    const best = bestMove(current.inputs, model);
    if (!best || best.result.overallScore <= current.result.overallScore + ROADMAP_TIE_EPSILON) break;
    steps.push({
      ...best.choice,
      overallScore: best.result.overallScore,
      stage: best.result.stage,
      clearsFindings: clearedCodes(current.result, best.result),
    });
    current = best;
  }
  return {
    targetStage,
    reachesTarget: STAGES.indexOf(current.result.stage) >= target,
    startScore: start.overallScore,
    startStage: start.stage,
    steps,
  };
}

/** Without a target set: the next stage above the current one (the highest stage stays itself). */
export function defaultTarget(stage: Stage): Stage {
  return stageAfter(stage) ?? stage;
}

/** The inputs after each of the steps in turn (the first entry is after the first step). */
export function inputsAlong(inputs: ScoringInputs, steps: readonly MoveChoice[]): ScoringInputs[] {
  const along: ScoringInputs[] = [];
  let current = inputs;
  for (const step of steps) {
    current = applyMove(current, step);
    along.push(current);
  }
  return along;
}

function bestMove(
  inputs: ScoringInputs,
  model: ScoringModel,
): { choice: MoveChoice; inputs: ScoringInputs; result: ScoringResult } | null {
  let best: { choice: MoveChoice; inputs: ScoringInputs; result: ScoringResult } | null = null;
  for (const choice of movesFor(inputs, model)) {
    const changed = applyMove(inputs, choice);
    const result = score(changed, model);
    if (!best || result.overallScore > best.result.overallScore + ROADMAP_TIE_EPSILON) {
      best = { choice, inputs: changed, result };
    }
  }
  return best;
}

function clearedCodes(before: ScoringResult, after: ScoringResult): string[] {
  const remaining = new Set(after.findings.map((finding) => finding.code));
  return [...new Set(before.findings.map((finding) => finding.code))].filter((code) => !remaining.has(code));
}

/**
 * The responsibility owned by DEPARTMENT `department`: its assignments are replaced by one, kept in the
 * contract order of responsibilities (the order the service reads them in).
 */
function assign(
  inputs: ScoringInputs,
  responsibility: Responsibility,
  department: Department,
): ScoringInputs {
  const assignment: ResponsibilityAssignmentInput = {
    responsibility,
    ownerKind: 'DEPARTMENT',
    memberId: null,
    department,
  };
  const others = inputs.responsibilities.filter((entry) => entry.responsibility !== responsibility);
  const rank = RESPONSIBILITIES.indexOf(responsibility);
  const at = others.findIndex((entry) => RESPONSIBILITIES.indexOf(entry.responsibility) > rank);
  const responsibilities =
    at === -1 ? [...others, assignment] : [...others.slice(0, at), assignment, ...others.slice(at)];
  return { ...inputs, responsibilities };
}

/** A "new member" from the department joins the first team, or a new team when there is none. */
function addMember(inputs: ScoringInputs, department: Department): ScoringInputs {
  const skill = ROADMAP_PLACEHOLDERS.newMemberSkill;
  const newcomer: TeamMemberInput = {
    id: `${ROADMAP_PLACEHOLDERS.newMemberIdPrefix}${department}`,
    name: newMemberName(department),
    department,
    external: false,
    insight: skill,
    experience: skill,
    affinity: skill,
  };
  const [first, ...rest] = inputs.teams;
  const teams: TeamInput[] = first
    ? [{ ...first, members: [...first.members, newcomer] }, ...rest]
    : [{ ...ROADMAP_PLACEHOLDERS.newTeam, members: [newcomer] }];
  return { ...inputs, teams };
}

function trained(member: TeamMemberInput): TeamMemberInput {
  const max = ROADMAP_PLACEHOLDERS.skillMax;
  const rise = (skill: number) => (skill < max ? Math.min(max, skill + 1) : skill);
  return {
    ...member,
    insight: rise(member.insight),
    experience: rise(member.experience),
    affinity: rise(member.affinity),
  };
}

function skillsOf(member: TeamMemberInput): number[] {
  return [member.insight, member.experience, member.affinity];
}

function required<K extends 'responsibility' | 'department'>(
  choice: MoveChoice,
  key: K,
): NonNullable<MoveChoice[K]> {
  const value = choice[key];
  if (value === null || value === undefined) throw new Error(`${choice.move} needs a ${key}`);
  return value;
}
