import type { Rng } from '../../src/common/prng';
import { SURVEY_2012 } from '../../src/peer-benchmark/survey-2012';

// ---- survey-weighted draws on the shared seeded PRNG (src/common/prng.ts) --------------------------------------

export function weighted<const O extends readonly (readonly [unknown, number])[]>(rng: Rng, options: O): O[number][0] {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng() * total;
  for (const [value, w] of options) {
    roll -= w;
    if (roll < 0) return value;
  }
  return options[options.length - 1][0];
}

export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
export const chance = (rng: Rng, p: number) => rng() < p;

export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const S = SURVEY_2012;

/**
 * The survey figures of domain.md ("Structuring a Social Media Team", Ragan/NASDAQ OMX 2012), as draws. The figures
 * come from their one source, src/peer-benchmark/survey-2012.ts (which the benchmark's prior serves too).
 */
export const SURVEY = {
  setUp: [
    ['DEDICATED', S.setUp.dedicatedTeam],
    ['ON_TOP_OF_OTHER_DUTIES', S.setUp.onTopOfOtherDuties],
    ['HYBRID_WITH_AGENCY', S.setUp.hybridWithAgency],
    ['FULLY_OUTSOURCED', S.setUp.fullyOutsourced],
  ] as const,
  teamSize: [
    [[1, 1], S.teamSize.onePerson],
    [[2, 3], S.teamSize.twoToThree],
    [[4, 6], S.teamSize.fourToSix],
    [[7, 9], S.teamSize.moreThanSix],
  ] as const,
  /** Highly satisfied, satisfied, somewhat, not at all: 5, 4, 3, 2 on the 1-5 scale of the questionnaire. */
  satisfaction: [
    [5, S.satisfaction.highlySatisfied],
    [4, S.satisfaction.satisfied],
    [3, S.satisfaction.somewhat],
    [2, S.satisfaction.notAtAll],
  ] as const,
  /** Very supportive, somewhat, indifferent, not supportive: 5, 4, 2, 1. */
  managementSupport: [
    [5, S.managementSupport.verySupportive],
    [4, S.managementSupport.somewhat],
    [2, S.managementSupport.indifferent],
    [1, S.managementSupport.notSupportive],
  ] as const,
  /** Self-rated advanced, intermediate, beginner: where the organisation ends up. */
  selfRated: [
    ['ADVANCED', S.selfRated.advanced],
    ['INTERMEDIATE', S.selfRated.intermediate],
    ['BEGINNER', S.selfRated.beginner],
  ] as const,
  /** What is measured, each with its share; in the order organisations usually adopt them. */
  measured: [
    { name: 'Followers and likes', kind: 'VANITY', share: S.measured.followersLikes / 100 },
    { name: 'Web traffic from social', kind: 'ENGAGEMENT', share: S.measured.webTraffic / 100 },
    { name: 'Online reputation', kind: 'BUSINESS', share: S.measured.reputation / 100 },
    { name: 'Customer satisfaction', kind: 'BUSINESS', share: S.measured.customerSatisfaction / 100 },
    { name: 'Leads', kind: 'BUSINESS', share: S.measured.leads / 100 },
    { name: 'Sales', kind: 'BUSINESS', share: S.measured.sales / 100 },
  ] as const,
  /** Departments involved in the team (Advertising counts as Marketing); Sales does not appear. */
  departmentsInvolved: [
    ['MARKETING', S.departments.marketing + S.departments.advertising],
    ['PR', S.departments.pr],
    ['CORPORATE_COMMUNICATIONS', S.departments.corporateCommunications],
    ['CUSTOMER_SERVICE', S.departments.customerService],
    ['IT', S.departments.it],
    ['LEGAL', S.departments.legal],
  ] as const,
};

export type SetUp = (typeof SURVEY.setUp)[number][0];
