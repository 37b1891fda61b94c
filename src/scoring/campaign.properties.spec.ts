import fc from 'fast-check';
import {
  aggregateResponses,
  campaignFindings,
  departmentBreakdown,
  type CampaignResponse,
  type ItemAggregate,
} from './campaign';
import { ANSWER_ITEMS } from './campaign-domain';
import { DEPARTMENTS, REPORTING_CADENCES, type Department } from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import { ANSWERS_FIXTURE as SAMPLE, inputs } from './scoring.fixtures';
import type { AssessmentAnswers } from './types';

const rating = fc.integer({ min: 1, max: 5 });
const department = fc.constantFrom(...DEPARTMENTS);

const answersArbitrary: fc.Arbitrary<AssessmentAnswers> = fc.record({
  overallSatisfaction: rating,
  managementSupport: rating,
  hasPolicy: fc.boolean(),
  policyRoleModel: rating,
  hasCrisisPlan: fc.boolean(),
  hasMonitoring: fc.boolean(),
  reportingCadence: fc.constantFrom(...REPORTING_CADENCES),
  communityApplicable: fc.boolean(),
});

const responseArbitrary: fc.Arbitrary<CampaignResponse> = fc.record({
  answers: answersArbitrary,
  department,
  external: fc.boolean(),
});

/** Departments drawn from a few, so groups of 3 and more occur often. */
const clusteredResponses = fc.array(
  fc.record({
    answers: answersArbitrary,
    department: fc.constantFrom<Department>('MARKETING', 'SALES', 'PR', 'OTHER', 'IT'),
    external: fc.boolean(),
  }),
  { maxLength: 25 },
);

const responsesArbitrary = fc.array(responseArbitrary, { minLength: 1, maxLength: 12 });

/** The responses and a permutation of them. */
const shuffledArbitrary = responsesArbitrary.chain((responses) =>
  fc.array(fc.nat(), { minLength: responses.length, maxLength: responses.length }).map((keys) => {
    const order = responses.map((_, index) => index).sort((a, b) => keys[a] - keys[b] || a - b);
    return { responses, shuffled: order.map((index) => responses[index]) };
  }),
);

const itemOf = (items: ItemAggregate[], item: string): ItemAggregate => {
  const found = items.find((aggregate) => aggregate.item === item);
  if (!found) throw new Error(`item ${item} missing`);
  return found;
};

describe('campaign properties', () => {
  it('the aggregate of identical responses is that response, without disagreement', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.integer({ min: 1, max: 20 }), (answers, n) => {
        const aggregate = aggregateResponses(Array.from({ length: n }, () => ({ answers })));
        expect(aggregate.answers).toEqual(answers);
        expect(aggregate.items.every((item) => item.disagreement === 0 && !item.contested)).toBe(true);
      }),
    );
  });

  it('one response gives disagreement 0 for every item', () => {
    fc.assert(
      fc.property(responseArbitrary, (response) => {
        const aggregate = aggregateResponses([response]);
        expect(aggregate.items.map((item) => item.disagreement)).toEqual(ANSWER_ITEMS.map(() => 0));
        expect(aggregate.answers).toEqual(response.answers);
      }),
    );
  });

  it('the order of responses never matters: aggregate, findings and breakdown', () => {
    fc.assert(
      fc.property(
        shuffledArbitrary,
        fc.uniqueArray(department),
        fc.nat({ max: 30 }),
        ({ responses, shuffled }, organisationDepartments, invitedCount) => {
          const aggregate = aggregateResponses(responses);
          expect(aggregateResponses(shuffled)).toEqual(aggregate);
          const findings = (list: CampaignResponse[]) =>
            campaignFindings({
              items: aggregateResponses(list).items,
              responses: list,
              organisationDepartments,
              invitedCount,
            });
          expect(findings(shuffled)).toEqual(findings(responses));
          expect(departmentBreakdown(shuffled)).toEqual(departmentBreakdown(responses));
        },
      ),
    );
  });

  it('items come in contract order with n responses, a distribution summing to n, disagreement 0-1', () => {
    fc.assert(
      fc.property(responsesArbitrary, (responses) => {
        const { items, responses: n } = aggregateResponses(responses);
        expect(n).toBe(responses.length);
        expect(items.map((item) => item.item)).toEqual([...ANSWER_ITEMS]);
        for (const item of items) {
          expect(item.responses).toBe(n);
          expect(item.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBe(n);
          expect(item.disagreement).toBeGreaterThanOrEqual(0);
          expect(item.disagreement).toBeLessThanOrEqual(1);
          expect(item.contested).toBe(n >= 2 && item.disagreement >= 0.5);
        }
        expect(itemOf(items, 'OVERALL_SATISFACTION').distribution.map((entry) => entry.value)).toEqual([
          '1',
          '2',
          '3',
          '4',
          '5',
        ]);
        expect(itemOf(items, 'HAS_POLICY').distribution.map((entry) => entry.value)).toEqual([
          'false',
          'true',
        ]);
        expect(itemOf(items, 'REPORTING_CADENCE').distribution.map((entry) => entry.value)).toEqual([
          ...REPORTING_CADENCES,
        ]);
      }),
    );
  });

  it('1-5 items: the middle value, or for an even count the mean of the middle two', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 15 }), (values) => {
        const { items, answers } = aggregateResponses(
          values.map((managementSupport) => ({
            answers: { ...SAMPLE, managementSupport },
          })),
        );
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const lowMiddle = sorted[Math.floor((n - 1) / 2)];
        const highMiddle = sorted[Math.floor(n / 2)];
        expect(answers?.managementSupport).toBe((lowMiddle + highMiddle) / 2);
        if (n % 2 === 1) expect(answers?.managementSupport).toBe(lowMiddle);
        expect(itemOf(items, 'MANAGEMENT_SUPPORT').value).toBe(String((lowMiddle + highMiddle) / 2));
        expect(itemOf(items, 'MANAGEMENT_SUPPORT').disagreement).toBe((sorted[n - 1] - sorted[0]) / 4);
      }),
    );
  });

  it('yes/no items: yes exactly when more than half say yes, so a tie is no', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 }), fc.nat({ max: 10 }), (yes, no) => {
        fc.pre(yes + no > 0);
        const values = [
          ...Array.from({ length: yes }, () => true),
          ...Array.from({ length: no }, () => false),
        ];
        const { items, answers } = aggregateResponses(
          values.map((hasCrisisPlan) => ({ answers: { ...SAMPLE, hasCrisisPlan } })),
        );
        expect(answers?.hasCrisisPlan).toBe(yes > no);
        expect(itemOf(items, 'HAS_CRISIS_PLAN').disagreement).toBe((2 * Math.min(yes, no)) / (yes + no));
      }),
    );
  });

  it('a tie on a yes/no item is always no', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (k) => {
        const values = Array.from({ length: 2 * k }, (_, index) => index % 2 === 0);
        const { answers } = aggregateResponses(
          values.map((hasPolicy) => ({ answers: { ...SAMPLE, hasPolicy } })),
        );
        expect(answers?.hasPolicy).toBe(false);
      }),
    );
  });

  it('reportingCadence: the lower median, one of the answers given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...REPORTING_CADENCES), { minLength: 1, maxLength: 15 }),
        (values) => {
          const { answers } = aggregateResponses(
            values.map((reportingCadence) => ({ answers: { ...SAMPLE, reportingCadence } })),
          );
          const chosen = answers?.reportingCadence ?? 'NONE';
          const rank = REPORTING_CADENCES.indexOf(chosen);
          const ranks = values.map((value) => REPORTING_CADENCES.indexOf(value));
          const half = Math.ceil(values.length / 2);
          expect(values).toContain(chosen);
          // The lowest value with at least half of the answers at or below it.
          expect(ranks.filter((r) => r < rank).length).toBeLessThan(half);
          expect(ranks.filter((r) => r <= rank).length).toBeGreaterThanOrEqual(half);
        },
      ),
    );
  });

  it('each campaign finding fires exactly when domain.md says', () => {
    fc.assert(
      fc.property(
        fc.array(responseArbitrary, { maxLength: 10 }),
        fc.uniqueArray(department),
        fc.nat({ max: 25 }),
        (responses, organisationDepartments, invitedCount) => {
          const { items } = aggregateResponses(responses);
          const findings = campaignFindings({ items, responses, organisationDepartments, invitedCount });
          const count = (code: string) => findings.filter((finding) => finding.code === code).length;
          const answering = new Set(responses.map((response) => response.department));
          expect(
            findings.filter((finding) => finding.code === 'RESPONDENTS_DISAGREE').map((f) => f.item),
          ).toEqual(
            items
              .filter((item) => responses.length >= 2 && item.disagreement >= 0.5)
              .map((item) => item.item),
          );
          expect(count('SALES_NOT_HEARD')).toBe(
            organisationDepartments.includes('SALES') && !answering.has('SALES') ? 1 : 0,
          );
          expect(count('SINGLE_DEPARTMENT_VIEW')).toBe(
            responses.length > 0 && answering.size === 1 && organisationDepartments.length >= 3 ? 1 : 0,
          );
          expect(count('LOW_RESPONSE_RATE')).toBe(2 * responses.length < invitedCount ? 1 : 0);
          // MEDIUM before LOW.
          const ranks = findings.map((finding) => (finding.severity === 'MEDIUM' ? 0 : 1));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('no breakdown group below 3, and the shown groups hold every response or none', () => {
    fc.assert(
      fc.property(clusteredResponses, fc.integer({ min: 1, max: 5 }), (responses, minGroup) => {
        const breakdown = departmentBreakdown(responses, minGroup);
        const shownTotal = breakdown.reduce((sum, group) => sum + group.responses, 0);
        expect([0, responses.length]).toContain(shownTotal);
        expect(new Set(breakdown.map((group) => group.department)).size).toBe(breakdown.length);
        for (const group of breakdown) {
          expect(group.responses).toBeGreaterThanOrEqual(minGroup);
          expect(group.items.every((item) => item.responses === group.responses)).toBe(true);
          if (group.department !== 'OTHER') {
            const own = responses.filter((response) => response.department === group.department);
            expect(group.items).toEqual(aggregateResponses(own).items);
          }
        }
        // Nothing is shown only when fewer than minGroup responses exist.
        if (responses.length >= minGroup) expect(shownTotal).toBe(responses.length);
      }),
    );
  });

  it('the default breakdown never shows a group below 3', () => {
    fc.assert(
      fc.property(clusteredResponses, (responses) => {
        expect(departmentBreakdown(responses).every((group) => group.responses >= 3)).toBe(true);
      }),
    );
  });

  it('the aggregated answers always score, within 0-100', () => {
    fc.assert(
      fc.property(responsesArbitrary, (responses) => {
        const { answers } = aggregateResponses(responses);
        const result = score(inputs({ answers: answers ?? undefined }), SOCIAL_MATURITY_V1);
        expect(result.overallScore).toBeGreaterThanOrEqual(0);
        expect(result.overallScore).toBeLessThanOrEqual(100);
      }),
    );
  });
});
