import type { Culture, Department } from './domain';
import { isTeamNeeded } from './context';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import {
  ALWAYS_APPLICABLE,
  byAgency,
  byDepartment,
  byMember,
  initiative,
  inputs,
  member,
  scoreOf,
} from './scoring.fixtures';

const model = SOCIAL_MATURITY_V1;
const THREE: Department[] = ['MARKETING', 'SALES', 'PR'];
const FOUR: Department[] = ['MARKETING', 'SALES', 'PR', 'HR'];

describe('teamNeeded (context gate)', () => {
  const profile = (
    employeeCount: number,
    culture: Culture,
    departments: Department[],
    locations: number,
  ) => ({
    employeeCount,
    culture,
    departments,
    locations,
    market: 'B2C' as const,
  });

  it.each([
    // below 50 nothing makes a team needed
    [49, 'HIERARCHICAL', FOUR, 2, false],
    [49, 'INFORMAL', THREE, 1, false],
    // 50-249: needed only with a hierarchical culture, 4+ departments or 2+ locations
    [50, 'INFORMAL', THREE, 1, false],
    [50, 'MIXED', THREE, 1, false],
    [50, 'HIERARCHICAL', THREE, 1, true],
    [50, 'INFORMAL', FOUR, 1, true],
    [50, 'INFORMAL', THREE, 2, true],
    [249, 'INFORMAL', THREE, 1, false],
    [249, 'HIERARCHICAL', ['MARKETING'], 1, true],
    [249, 'MIXED', FOUR, 1, true],
    [249, 'MIXED', THREE, 2, true],
    // from 250 always
    [250, 'INFORMAL', ['MARKETING'], 1, true],
  ] as const)(
    '%i employees, %s, %j, %i location(s) -> %s',
    (employees, culture, departments, locations, needed) => {
      expect(isTeamNeeded(profile(employees, culture, [...departments], locations), model.teamNeeded)).toBe(
        needed,
      );
    },
  );

  it('counts a department listed twice once (3 distinct departments at 50 employees: not needed)', () => {
    const departments: Department[] = ['MARKETING', 'MARKETING', 'SALES', 'PR'];
    expect(isTeamNeeded(profile(50, 'INFORMAL', departments, 1), model.teamNeeded)).toBe(false);
  });

  it('is reported in the facts', () => {
    expect(score(inputs({ profile: { employeeCount: 250 } }), model).facts.teamNeeded).toBe(true);
    expect(score(inputs({ profile: { employeeCount: 249 } }), model).facts.teamNeeded).toBe(false);
  });
});

describe('in-house members', () => {
  it('counts the non-external members of all teams', () => {
    const scoring = inputs();
    scoring.teams = [
      { id: 't1', name: 'Core', members: [member('MARKETING'), member('PR', { external: true })] },
      { id: 't2', name: 'Regional', members: [member('SALES')] },
    ];
    expect(score(scoring, model).facts.inHouseMemberCount).toBe(2);
  });
});

describe('outsourcing share s = agency units / outsourcing units', () => {
  const shareOf = (overrides: Parameters<typeof inputs>[0]) =>
    score(inputs(overrides), model).facts.outsourcingShare;

  it('is null without owned responsibilities or live initiatives (stopped ones do not count)', () => {
    expect(shareOf({ initiatives: [initiative({ status: 'STOPPED', outsourcing: 'FULL' })] })).toBeNull();
  });

  it('counts agency-owned responsibilities against all owned ones: 2 agency of 4 owned = 0.5', () => {
    const responsibilities = [
      byAgency('CHANNEL_MANAGEMENT'),
      byAgency('CONTENT_MARKETING'),
      byDepartment('TOOLING'),
      byDepartment('KNOWLEDGE_SHARING'),
    ];
    expect(shareOf({ responsibilities })).toBe(0.5);
  });

  it('counts a live FULL initiative as 1 and a PARTIAL one as 0.5: (1 + 0.5 + 0) / 3 = 0.5', () => {
    const initiatives = [
      initiative({ outsourcing: 'FULL' }),
      initiative({ outsourcing: 'PARTIAL' }),
      initiative({ outsourcing: 'NONE' }),
      initiative({ outsourcing: 'FULL', status: 'STOPPED' }),
    ];
    expect(shareOf({ initiatives })).toBe(0.5);
  });

  it('mixes both: 1 agency responsibility + 1 live PARTIAL over 2 units = 0.75', () => {
    expect(
      shareOf({
        responsibilities: [byAgency('TOOLING')],
        initiatives: [initiative({ outsourcing: 'PARTIAL' })],
      }),
    ).toBe(0.75);
  });

  it('ignores COMMUNITY_MANAGEMENT when communities do not apply: 1 agency (community) + 1 department -> 0', () => {
    const responsibilities = [byAgency('COMMUNITY_MANAGEMENT'), byDepartment('TOOLING')];
    expect(shareOf({ responsibilities, answers: { communityApplicable: false } })).toBe(0);
    expect(shareOf({ responsibilities, answers: { communityApplicable: true } })).toBe(0.5);
  });
});

describe('ownership of responsibilities', () => {
  it('treats a member id found in no team as unowned', () => {
    const result = score(inputs({ responsibilities: [byMember('TOOLING', { id: 'nobody' })] }), model);
    expect(scoreOf(result, 'RESPONSIBILITY_COVERAGE')).toBe(0);
    expect(result.facts.outsourcingShare).toBeNull();
  });

  it('treats a DEPARTMENT assignment without a department as unowned', () => {
    const result = score(
      inputs({
        responsibilities: [{ responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', department: null }],
      }),
      model,
    );
    expect(scoreOf(result, 'RESPONSIBILITY_COVERAGE')).toBe(0);
  });

  it('counts an external team member as an owner (ownership is not agency ownership): 1/8 covered, s = 0', () => {
    const agencyPerson = member('MARKETING', { external: true });
    const result = score(
      inputs({ members: [agencyPerson], responsibilities: [byMember('TOOLING', agencyPerson)] }),
      model,
    );
    // 1 / 8 * 100 = 12.5
    expect(scoreOf(result, 'RESPONSIBILITY_COVERAGE')).toBe(12.5);
    expect(result.facts.outsourcingShare).toBe(0);
  });

  it('lets the first usable assignment of a responsibility win', () => {
    const departmentFirst = score(
      inputs({ responsibilities: [byDepartment('TOOLING'), byAgency('TOOLING')] }),
      model,
    );
    expect(departmentFirst.facts.outsourcingShare).toBe(0);
    expect(scoreOf(departmentFirst, 'RESPONSIBILITY_COVERAGE')).toBe(12.5);
    const unknownMemberFirst = score(
      inputs({ responsibilities: [byMember('TOOLING', { id: 'nobody' }), byAgency('TOOLING')] }),
      model,
    );
    expect(unknownMemberFirst.facts.outsourcingShare).toBe(1);
  });

  it('lists the applicable responsibilities in the facts', () => {
    expect(score(inputs(), model).facts.applicableResponsibilities).toEqual(ALWAYS_APPLICABLE);
    expect(
      score(inputs({ answers: { communityApplicable: true } }), model).facts.applicableResponsibilities,
    ).toEqual([...ALWAYS_APPLICABLE, 'COMMUNITY_MANAGEMENT']);
  });
});
