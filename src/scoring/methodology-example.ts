import type { ScoringInputs } from './types';

/**
 * The worked example of docs/methodology.md ("A worked example"): a mid-size B2B installer. The document prints
 * what the engine makes of it; methodology.spec.ts scores it and checks every number printed there.
 */
export const METHODOLOGY_EXAMPLE: ScoringInputs = {
  profile: {
    employeeCount: 120,
    departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT'],
    culture: 'HIERARCHICAL',
    market: 'B2B',
    locations: 1,
  },
  teams: [
    {
      id: 'team',
      name: 'Social media team',
      members: [
        { id: 'anna', name: 'Anna', department: 'MARKETING', external: false, insight: 4, experience: 4, affinity: 5 },
        { id: 'bram', name: 'Bram', department: 'SALES', external: false, insight: 3, experience: 2, affinity: 4 },
        { id: 'agency', name: 'Agency copywriter', department: 'MARKETING', external: true, insight: 5, experience: 5, affinity: 5 },
      ],
    },
  ],
  responsibilities: [
    { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'MEMBER', memberId: 'anna' },
    { responsibility: 'CONTENT_MARKETING', ownerKind: 'AGENCY' },
    { responsibility: 'AUDIENCE_ENGAGEMENT', ownerKind: 'MEMBER', memberId: 'bram' },
    { responsibility: 'REPUTATION_MANAGEMENT', ownerKind: 'DEPARTMENT', department: 'CUSTOMER_SERVICE' },
    { responsibility: 'INTERNAL_REPORTING', ownerKind: 'MEMBER', memberId: 'anna' },
    { responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', department: 'IT' },
  ],
  initiatives: [
    {
      id: 'leads',
      name: 'LinkedIn leads',
      status: 'ACTIVE',
      ownerDepartment: 'SALES',
      outsourcing: 'PARTIAL',
      kpis: [{ name: 'Qualified leads', kind: 'BUSINESS' }],
      satisfaction: 4,
      failureFactors: ['NO_TIME'],
    },
    {
      id: 'care',
      name: 'Customer care on social',
      status: 'ACTIVE',
      ownerDepartment: 'CUSTOMER_SERVICE',
      outsourcing: 'NONE',
      kpis: [{ name: 'Questions answered within 4 hours', kind: 'ENGAGEMENT' }],
      satisfaction: 3,
      failureFactors: ['NO_TIME'],
    },
    {
      id: 'blog',
      name: 'Company blog',
      status: 'STOPPED',
      ownerDepartment: 'MARKETING',
      outsourcing: 'FULL',
      kpis: [{ name: 'Page views', kind: 'VANITY' }],
      satisfaction: 1,
      failureFactors: ['NO_STRATEGY'],
    },
  ],
  answers: {
    overallSatisfaction: 3,
    managementSupport: 2,
    hasPolicy: true,
    policyRoleModel: 3,
    hasCrisisPlan: false,
    hasMonitoring: false,
    reportingCadence: 'QUARTERLY',
    communityApplicable: false,
  },
};
