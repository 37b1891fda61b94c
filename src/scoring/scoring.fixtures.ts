/**
 * Builders for scoring inputs in specs. The baseline is a small, informal B2C organisation (no team
 * needed) with only MARKETING, nothing assigned, no initiatives and middling answers; specs override
 * what they test.
 */
import type { Department, Dimension, Responsibility } from './domain';
import type {
  AssessmentAnswers,
  DimensionResult,
  InitiativeInput,
  ResponsibilityAssignmentInput,
  ScoringInputs,
  ScoringResult,
  TeamMemberInput,
  TenantProfileInput,
} from './types';

export interface InputOverrides {
  profile?: Partial<TenantProfileInput>;
  members?: TeamMemberInput[];
  responsibilities?: ResponsibilityAssignmentInput[];
  initiatives?: InitiativeInput[];
  answers?: Partial<AssessmentAnswers>;
}

/**
 * The one answers fixture: middling answers of the questionnaire. Specs and test helpers start from it and say
 * what they change (answersFixture({ hasCrisisPlan: false })), instead of keeping their own copy.
 */
export const ANSWERS_FIXTURE: Readonly<AssessmentAnswers> = Object.freeze({
  overallSatisfaction: 3,
  managementSupport: 3,
  hasPolicy: true,
  policyRoleModel: 4,
  hasCrisisPlan: true,
  hasMonitoring: true,
  reportingCadence: 'MONTHLY',
  communityApplicable: false,
});

export function answersFixture(overrides: Partial<AssessmentAnswers> = {}): AssessmentAnswers {
  return { ...ANSWERS_FIXTURE, ...overrides };
}

export function inputs(overrides: InputOverrides = {}): ScoringInputs {
  return {
    profile: {
      employeeCount: 20,
      departments: ['MARKETING'],
      culture: 'INFORMAL',
      market: 'B2C',
      locations: 1,
      ...overrides.profile,
    },
    teams: [{ id: 'team-1', name: 'Social team', members: overrides.members ?? [] }],
    responsibilities: overrides.responsibilities ?? [],
    initiatives: overrides.initiatives ?? [],
    answers: answersFixture(overrides.answers),
  };
}

let memberSequence = 0;

export function member(department: Department, overrides: Partial<TeamMemberInput> = {}): TeamMemberInput {
  memberSequence += 1;
  return {
    id: `member-${memberSequence}`,
    name: `Member ${memberSequence}`,
    department,
    external: false,
    insight: 3,
    experience: 3,
    affinity: 3,
    ...overrides,
  };
}

let initiativeSequence = 0;

export function initiative(overrides: Partial<InitiativeInput> = {}): InitiativeInput {
  initiativeSequence += 1;
  return {
    id: `initiative-${initiativeSequence}`,
    name: `Initiative ${initiativeSequence}`,
    status: 'ACTIVE',
    ownerDepartment: 'MARKETING',
    outsourcing: 'NONE',
    kpis: [],
    satisfaction: null,
    failureFactors: [],
    ...overrides,
  };
}

export function byDepartment(
  responsibility: Responsibility,
  department: Department = 'MARKETING',
): ResponsibilityAssignmentInput {
  return { responsibility, ownerKind: 'DEPARTMENT', department };
}

export function byAgency(responsibility: Responsibility): ResponsibilityAssignmentInput {
  return { responsibility, ownerKind: 'AGENCY' };
}

export function byMember(
  responsibility: Responsibility,
  owner: { id: string },
): ResponsibilityAssignmentInput {
  return { responsibility, ownerKind: 'MEMBER', memberId: owner.id };
}

/** The eight responsibilities that always apply (all but COMMUNITY_MANAGEMENT). */
export const ALWAYS_APPLICABLE: Responsibility[] = [
  'CHANNEL_MANAGEMENT',
  'CONTENT_MARKETING',
  'AUDIENCE_ENGAGEMENT',
  'REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING',
  'POLICY_ROLE_MODEL',
  'TOOLING',
  'KNOWLEDGE_SHARING',
];

export function dimensionOf(result: ScoringResult, dimension: Dimension): DimensionResult {
  const found = result.dimensions.find((entry) => entry.dimension === dimension);
  if (!found) throw new Error(`dimension ${dimension} missing from result`);
  return found;
}

export function scoreOf(result: ScoringResult, dimension: Dimension): number | null {
  return dimensionOf(result, dimension).score;
}

export function findingCodes(result: ScoringResult): string[] {
  return result.findings.map((finding) => finding.code);
}
