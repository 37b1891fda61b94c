import fc from 'fast-check';
import {
  CULTURES,
  DEPARTMENTS,
  FAILURE_FACTORS,
  INITIATIVE_STATUSES,
  KPI_KINDS,
  MARKETS,
  OUTSOURCING_LEVELS,
  REPORTING_CADENCES,
  RESPONSIBILITIES,
  type Responsibility,
} from './domain';
import type { ResponsibilityAssignmentInput, ScoringInputs, TeamInput } from './types';

/** Random but valid scoring inputs for property tests (fast-check): one generator for every engine's properties. */
export const rating = fc.integer({ min: 1, max: 5 });

const teamsArbitrary: fc.Arbitrary<TeamInput[]> = fc
  .array(
    fc.array(
      fc.record({
        department: fc.constantFrom(...DEPARTMENTS),
        external: fc.boolean(),
        insight: rating,
        experience: rating,
        affinity: rating,
      }),
      { maxLength: 6 },
    ),
    { maxLength: 3 },
  )
  .map((teams) =>
    teams.map((members, t) => ({
      id: `team-${t}`,
      name: `Team ${t}`,
      members: members.map((member, m) => ({ id: `member-${t}-${m}`, name: `Member ${t}.${m}`, ...member })),
    })),
  );

const assignmentArbitrary = (
  responsibility: Responsibility,
  memberIds: string[],
): fc.Arbitrary<ResponsibilityAssignmentInput> =>
  fc.oneof(
    fc.constant({ responsibility, ownerKind: 'AGENCY' as const }),
    fc
      .constantFrom(...DEPARTMENTS)
      .map((department) => ({ responsibility, ownerKind: 'DEPARTMENT' as const, department })),
    fc
      .constantFrom(...memberIds, 'unknown-member')
      .map((memberId) => ({ responsibility, ownerKind: 'MEMBER' as const, memberId })),
  );

const initiativesArbitrary = fc
  .array(
    fc.record({
      status: fc.constantFrom(...INITIATIVE_STATUSES),
      ownerDepartment: fc.constantFrom(...DEPARTMENTS),
      outsourcing: fc.constantFrom(...OUTSOURCING_LEVELS),
      kpis: fc.array(
        fc.constantFrom(...KPI_KINDS).map((kind) => ({ name: kind.toLowerCase(), kind })),
        { maxLength: 3 },
      ),
      satisfaction: fc.option(rating, { nil: null }),
      failureFactors: fc.array(fc.constantFrom(...FAILURE_FACTORS), { maxLength: 3 }),
    }),
    { maxLength: 6 },
  )
  .map((initiatives) =>
    initiatives.map((initiative, i) => ({ id: `initiative-${i}`, name: `Initiative ${i}`, ...initiative })),
  );

/** Any valid scoring inputs: ratings 1-5, member ids unique, at most one assignment per responsibility. */
export const inputsArbitrary: fc.Arbitrary<ScoringInputs> = teamsArbitrary.chain((teams) => {
  const memberIds = teams.flatMap((team) => team.members.map((member) => member.id));
  return fc.record({
    profile: fc.record({
      employeeCount: fc.integer({ min: 1, max: 5000 }),
      departments: fc.subarray([...DEPARTMENTS]),
      culture: fc.constantFrom(...CULTURES),
      market: fc.constantFrom(...MARKETS),
      locations: fc.integer({ min: 1, max: 20 }),
    }),
    teams: fc.constant(teams),
    responsibilities: fc
      .subarray([...RESPONSIBILITIES])
      .chain((owned) => fc.tuple(...owned.map((r) => assignmentArbitrary(r, memberIds)))),
    initiatives: initiativesArbitrary,
    answers: fc.record({
      overallSatisfaction: rating,
      managementSupport: rating,
      hasPolicy: fc.boolean(),
      policyRoleModel: rating,
      hasCrisisPlan: fc.boolean(),
      hasMonitoring: fc.boolean(),
      reportingCadence: fc.constantFrom(...REPORTING_CADENCES),
      communityApplicable: fc.boolean(),
    }),
  });
});
