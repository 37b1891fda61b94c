import type { AssessmentAnswers } from '../scoring';
import { requestHash } from './request-hash';

const answers: AssessmentAnswers = {
  overallSatisfaction: 3,
  managementSupport: 4,
  hasPolicy: true,
  policyRoleModel: 4,
  hasCrisisPlan: false,
  hasMonitoring: true,
  reportingCadence: 'MONTHLY',
  communityApplicable: false,
};

describe('requestHash', () => {
  const base = { period: '2026-Q1', answers, supersede: false };

  it('is a SHA-256 hex digest', () => {
    expect(requestHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the order of properties and extra properties', () => {
    const reordered = Object.fromEntries(Object.entries(answers).reverse()) as unknown as AssessmentAnswers;
    const extra = { ...answers, note: 'ignored' } as AssessmentAnswers;
    expect(requestHash({ supersede: false, answers: reordered, period: '2026-Q1' })).toBe(requestHash(base));
    expect(requestHash({ ...base, answers: extra })).toBe(requestHash(base));
  });

  it('changes with the period, any answer and supersede', () => {
    const hashes = new Set([
      requestHash(base),
      requestHash({ ...base, period: '2026-Q2' }),
      requestHash({ ...base, supersede: true }),
      requestHash({ ...base, answers: { ...answers, overallSatisfaction: 4 } }),
      requestHash({ ...base, answers: { ...answers, hasCrisisPlan: true } }),
      requestHash({ ...base, answers: { ...answers, reportingCadence: 'WEEKLY' } }),
    ]);
    expect(hashes.size).toBe(6);
  });
});
