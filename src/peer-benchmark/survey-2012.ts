/**
 * "Structuring a Social Media Team" (Ragan Communications with NASDAQ OMX Corporate Solutions, 2012, 2,714
 * respondents), as quoted in docs/domain.md: the reference while a tenant's peer group is too small. Percent of
 * respondents; multiple-answer questions (measured, departments) do not add up to 100.
 */
export const SURVEY_2012 = {
  source: 'SURVEY_2012',
  title: 'Structuring a Social Media Team (Ragan Communications with NASDAQ OMX Corporate Solutions)',
  year: 2012,
  respondents: 2714,
  satisfaction: { highlySatisfied: 5, satisfied: 26, somewhat: 42, notAtAll: 27 },
  measured: {
    followersLikes: 86,
    webTraffic: 74,
    reputation: 58,
    customerSatisfaction: 41,
    leads: 40,
    sales: 31,
  },
  setUp: { dedicatedTeam: 27, onTopOfOtherDuties: 65, hybridWithAgency: 5, fullyOutsourced: 3 },
  teamSize: { onePerson: 42, twoToThree: 40, fourToSix: 9, moreThanSix: 9 },
  departments: {
    marketing: 70,
    pr: 69,
    corporateCommunications: 49,
    advertising: 26,
    customerService: 19,
    it: 17,
    legal: 14,
    salesMentioned: false,
  },
  managementSupport: { verySupportive: 38, somewhat: 43, indifferent: 16, notSupportive: 3 },
  selfRated: { advanced: 13, intermediate: 64, beginner: 23 },
} as const;

export type Survey2012 = typeof SURVEY_2012;
