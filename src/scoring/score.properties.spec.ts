import fc from 'fast-check';
import {
  SEVERITIES,
  STAGES,
} from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { score } from './score';
import { scoreOf } from './scoring.fixtures';

const model = SOCIAL_MATURITY_V1;
import { inputsArbitrary, rating } from './scoring-arbitraries.fixtures';

const runs = { numRuns: 500 };

describe('score properties', () => {
  it('keeps every dimension score and the overall score within 0-100', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const result = score(inputs, model);
        for (const { score: value, applicable } of result.dimensions) {
          expect(applicable).toBe(value !== null);
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
        expect(result.overallScore).toBeGreaterThanOrEqual(0);
        expect(result.overallScore).toBeLessThanOrEqual(100);
      }),
      runs,
    );
  });

  it('never lowers SALES_INVOLVEMENT when an in-house Sales member joins', () => {
    fc.assert(
      fc.property(inputsArbitrary, rating, (inputs, skill) => {
        const before = scoreOf(score(inputs, model), 'SALES_INVOLVEMENT');
        const seller = {
          id: 'new-seller',
          name: 'Seller',
          department: 'SALES' as const,
          external: false,
          insight: skill,
          experience: skill,
          affinity: skill,
        };
        const joined = structuredClone(inputs);
        joined.teams = [...joined.teams, { id: 'sales-team', name: 'Sales', members: [seller] }];
        const after = scoreOf(score(joined, model), 'SALES_INVOLVEMENT');
        if (before === null) expect(after).toBeNull();
        else expect(after).toBeGreaterThanOrEqual(before);
      }),
      runs,
    );
  });

  it('never raises OUTSOURCING when a responsibility moves from an in-house owner to the AGENCY', () => {
    fc.assert(
      fc.property(inputsArbitrary, fc.nat(), (inputs, pick) => {
        const members = inputs.teams.flatMap((team) => team.members);
        const inHouseOwned = inputs.responsibilities.flatMap((assignment, index) => {
          const inHouse =
            (assignment.ownerKind === 'DEPARTMENT' && assignment.department) ||
            (assignment.ownerKind === 'MEMBER' &&
              members.some((m) => m.id === assignment.memberId && !m.external));
          return inHouse ? [index] : [];
        });
        fc.pre(inHouseOwned.length > 0);
        const index = inHouseOwned[pick % inHouseOwned.length];
        const moved = structuredClone(inputs);
        moved.responsibilities[index] = {
          responsibility: moved.responsibilities[index].responsibility,
          ownerKind: 'AGENCY',
        };
        const before = scoreOf(score(inputs, model), 'OUTSOURCING');
        const after = scoreOf(score(moved, model), 'OUTSOURCING');
        if (before === null) expect(after).toBeNull();
        else expect(after).toBeLessThanOrEqual(before);
      }),
      runs,
    );
  });

  it('gives deeply equal results for the same inputs', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        expect(score(structuredClone(inputs), model)).toEqual(score(inputs, model));
      }),
      runs,
    );
  });

  it('normalises the applicable weights to 1 and gives the others 0', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const { dimensions } = score(inputs, model);
        const total = dimensions.filter((d) => d.applicable).reduce((sum, d) => sum + d.weight, 0);
        expect(Math.abs(total - 1)).toBeLessThan(1e-9);
        expect(dimensions.filter((d) => !d.applicable).map((d) => d.weight)).toEqual(
          dimensions.filter((d) => !d.applicable).map(() => 0),
        );
      }),
      runs,
    );
  });

  it('never puts the stage above the band, and lists a cap exactly when the stage is lowered', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const { stage, bandStage, appliedCaps } = score(inputs, model);
        expect(STAGES.indexOf(stage)).toBeLessThanOrEqual(STAGES.indexOf(bandStage));
        expect(appliedCaps.length > 0).toBe(stage !== bandStage);
      }),
      runs,
    );
  });

  it('orders findings from the most to the least severe', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const ranks = score(inputs, model).findings.map((finding) => SEVERITIES.indexOf(finding.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      }),
      runs,
    );
  });
});
