import { FINDING_CODES } from './domain';
import type { ScoringModel } from './model';
import {
  CURRENT_MODEL_VERSION,
  getScoringModel,
  SCORING_MODELS,
  UnknownScoringModelError,
} from './model-registry';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import { ALWAYS_APPLICABLE, byDepartment, initiative, inputs, member, scoreOf } from './scoring.fixtures';

describe('model registry', () => {
  it('holds social-maturity/v1 as the current model', () => {
    expect(CURRENT_MODEL_VERSION).toBe('social-maturity/v1');
    expect(getScoringModel('social-maturity/v1')).toBe(SOCIAL_MATURITY_V1);
    expect(Object.keys(SCORING_MODELS)).toEqual(['social-maturity/v1']);
  });

  it('rejects an unknown version with a clear error', () => {
    expect(() => getScoringModel('social-maturity/v9')).toThrow(UnknownScoringModelError);
    expect(() => getScoringModel('social-maturity/v9')).toThrow(
      'Unknown scoring model version "social-maturity/v9"; known versions: social-maturity/v1 (see docs/methodology.md, "Versions")',
    );
    // inherited object keys are not versions
    expect(() => getScoringModel('toString')).toThrow(UnknownScoringModelError);
  });
});

describe('social-maturity/v1 data', () => {
  it('orders every finding rule exactly once', () => {
    expect([...SOCIAL_MATURITY_V1.findingOrder].sort()).toEqual([...FINDING_CODES].sort());
  });

  it('assigns each finding the dimension of docs/domain.md', () => {
    const dimensions = Object.fromEntries(
      FINDING_CODES.map((code) => [code, SOCIAL_MATURITY_V1.findings[code].dimension]),
    );
    expect(dimensions).toEqual({
      NO_TEAM_WHERE_NEEDED: 'TEAM_COMPOSITION',
      TEAM_OPTIONAL: 'TEAM_COMPOSITION',
      MARKETING_ONLY_TEAM: 'TEAM_COMPOSITION',
      SALES_NOT_INVOLVED: 'SALES_INVOLVEMENT',
      FULLY_OUTSOURCED: 'OUTSOURCING',
      REPUTATION_OUTSOURCED: 'OUTSOURCING',
      NO_KPIS: 'MEASUREMENT',
      VANITY_METRICS_ONLY: 'MEASUREMENT',
      LOW_SATISFACTION: 'SATISFACTION',
      UNCOVERED_RESPONSIBILITY: 'RESPONSIBILITY_COVERAGE',
      NO_POLICY: 'GOVERNANCE',
      NO_CRISIS_PLAN: 'GOVERNANCE',
      NO_MONITORING: 'GOVERNANCE',
      WEAK_MANAGEMENT_SUPPORT: 'GOVERNANCE',
      RECURRING_FAILURE_FACTOR: null,
    });
  });

  it('assigns each finding the severity of docs/domain.md', () => {
    const severities = Object.fromEntries(
      FINDING_CODES.map((code) => [code, SOCIAL_MATURITY_V1.findings[code].severity]),
    );
    expect(severities).toEqual({
      NO_TEAM_WHERE_NEEDED: 'CRITICAL',
      TEAM_OPTIONAL: 'INFO',
      MARKETING_ONLY_TEAM: 'MEDIUM',
      SALES_NOT_INVOLVED: 'MEDIUM',
      FULLY_OUTSOURCED: 'HIGH',
      REPUTATION_OUTSOURCED: 'MEDIUM',
      NO_KPIS: 'MEDIUM',
      VANITY_METRICS_ONLY: 'HIGH',
      LOW_SATISFACTION: 'MEDIUM',
      UNCOVERED_RESPONSIBILITY: 'MEDIUM',
      NO_POLICY: 'MEDIUM',
      NO_CRISIS_PLAN: 'HIGH',
      NO_MONITORING: 'MEDIUM',
      WEAK_MANAGEMENT_SUPPORT: 'MEDIUM',
      RECURRING_FAILURE_FACTOR: 'LOW',
    });
    expect(SOCIAL_MATURITY_V1.findings.SALES_NOT_INVOLVED.severityByMarket).toEqual({ B2B: 'HIGH' });
  });

  it('ascends its stage thresholds from 0', () => {
    expect(Object.values(SOCIAL_MATURITY_V1.stageThresholds)).toEqual([0, 20, 35, 50, 65, 80]);
  });
});

describe('a new model version is data, not code', () => {
  const v2: ScoringModel = {
    ...SOCIAL_MATURITY_V1,
    version: 'social-maturity/test-v2',
    governance: { pointsEach: 20, policyRoleModelMin: 5 },
    dimensions: {
      ...SOCIAL_MATURITY_V1.dimensions,
      SALES_INVOLVEMENT: { weight: 10, marketMultipliers: { B2B: 4 } },
    },
    findings: {
      ...SOCIAL_MATURITY_V1.findings,
      NO_POLICY: { ...SOCIAL_MATURITY_V1.findings.NO_POLICY, severity: 'CRITICAL' },
    },
  };

  it('reads the numbers and severities from the model it is given', () => {
    const scoring = inputs({
      profile: { market: 'B2B', departments: ['MARKETING', 'SALES'] },
      members: [member('SALES', { insight: 5, experience: 5, affinity: 5 })],
      responsibilities: ALWAYS_APPLICABLE.map((r) => byDepartment(r, 'SALES')),
      answers: { hasPolicy: false, policyRoleModel: 4, overallSatisfaction: 5 },
    });
    const underV1 = score(scoring, SOCIAL_MATURITY_V1);
    const underV2 = score(scoring, v2);
    // v1: policy no (0) + role model 4 >= 4 (25) + crisis plan 25 + monitoring 25 = 75
    expect(scoreOf(underV1, 'GOVERNANCE')).toBe(75);
    // v2: role model 4 < 5, so crisis plan + monitoring = 2 * 20 = 40
    expect(scoreOf(underV2, 'GOVERNANCE')).toBe(40);
    expect(underV1.dimensions[1].rawWeight).toBe(30);
    // v2: 10 x 4 for B2B
    expect(underV2.dimensions[1].rawWeight).toBe(40);
    expect(underV2.modelVersion).toBe('social-maturity/test-v2');
    expect(underV2.findings[0]).toMatchObject({
      code: 'NO_POLICY',
      severity: 'CRITICAL',
    });
  });

  it('bands with the model thresholds', () => {
    const laterConvergence: ScoringModel = {
      ...SOCIAL_MATURITY_V1,
      stageThresholds: { ...SOCIAL_MATURITY_V1.stageThresholds, CONVERGED: 95 },
    };
    const scoring = inputs({
      members: [member('MARKETING', { insight: 5, experience: 5, affinity: 5 })],
      responsibilities: ALWAYS_APPLICABLE.map((r) => byDepartment(r)),
      initiatives: [initiative({ kpis: [{ name: 'replies', kind: 'ENGAGEMENT' }], satisfaction: 5 })],
      answers: { overallSatisfaction: 5 },
    });
    // TEAM 100, OUTSOURCING 100, SATISFACTION 100, MEASUREMENT 50, COVERAGE 100, GOVERNANCE 100 (SALES n/a)
    // (100 * 85 - 50 * 15) / 85 = 7750 / 85 = 91.18
    const underV1 = score(scoring, SOCIAL_MATURITY_V1);
    expect(underV1.overallScore).toBeCloseTo(7750 / 85, 10);
    expect(underV1.stage).toBe('CONVERGED');
    expect(score(scoring, laterConvergence).stage).toBe('STRATEGIC');
  });
});
