import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import {
  STAGES,
} from './domain';
import { SOCIAL_MATURITY_V1 } from './model-v1';
import { applyMove, defaultTarget, inputsAlong, movesFor, roadmap, ROADMAP_MAX_STEPS } from './roadmap';
import { score } from './score';
import type { ScoringInputs } from './types';

// The arbitrary of score.properties.spec.ts: any valid inputs.
const model = SOCIAL_MATURITY_V1;
import { inputsArbitrary } from './scoring-arbitraries.fixtures';

const runs = { numRuns: 200 };
const EPSILON = 1e-9;
const stageArbitrary = fc.constantFrom(...STAGES);
const rank = (stage: (typeof STAGES)[number]) => STAGES.indexOf(stage);

describe('roadmap properties', () => {
  it('gives each step exactly the score and stage of its changed inputs, and the codes it clears', () => {
    fc.assert(
      fc.property(inputsArbitrary, stageArbitrary, (inputs, target) => {
        const result = roadmap(inputs, model, target);
        let before = score(inputs, model);
        inputsAlong(inputs, result.steps).forEach((changed, index) => {
          const after = score(changed, model);
          const step = result.steps[index];
          expect(step.overallScore).toBe(after.overallScore);
          expect(step.stage).toBe(after.stage);
          const afterCodes = new Set(after.findings.map((f) => f.code));
          const cleared = [...new Set(before.findings.map((f) => f.code))].filter((c) => !afterCodes.has(c));
          expect(step.clearsFindings).toEqual(cleared);
          before = after;
        });
      }),
      runs,
    );
  });

  it('takes at each step a move no other applicable move beats by more than 1e-9, earlier ones strictly lower', () => {
    fc.assert(
      fc.property(inputsArbitrary, stageArbitrary, (inputs, target) => {
        const result = roadmap(inputs, model, target);
        const along = [inputs, ...inputsAlong(inputs, result.steps)];
        result.steps.forEach((step, index) => {
          const candidates = movesFor(along[index], model);
          const at = candidates.findIndex(
            (c) =>
              c.move === step.move &&
              c.responsibility === step.responsibility &&
              c.department === step.department,
          );
          expect(at).toBeGreaterThanOrEqual(0);
          candidates.forEach((candidate, position) => {
            const value = score(applyMove(along[index], candidate), model).overallScore;
            expect(value).toBeLessThanOrEqual(step.overallScore + EPSILON);
            if (position < at) expect(value).toBeLessThan(step.overallScore);
          });
        });
      }),
      runs,
    );
  });

  it('stops by the rules: at the target, when no move raises the score, or after 10 steps', () => {
    fc.assert(
      fc.property(inputsArbitrary, stageArbitrary, (inputs, target) => {
        const result = roadmap(inputs, model, target);
        const start = score(inputs, model);
        expect(result.steps.length).toBeLessThanOrEqual(ROADMAP_MAX_STEPS);
        const stages = [start.stage, ...result.steps.map((s) => s.stage)];
        const scores = [start.overallScore, ...result.steps.map((s) => s.overallScore)];
        // Every step is taken below the target and raises the score by more than 1e-9.
        stages.slice(0, -1).forEach((stage) => expect(rank(stage)).toBeLessThan(rank(target)));
        scores.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(scores[i] + EPSILON));
        const last = stages[stages.length - 1];
        expect(result.reachesTarget).toBe(rank(last) >= rank(target));
        if (!result.reachesTarget && result.steps.length < ROADMAP_MAX_STEPS) {
          const end = inputsAlong(inputs, result.steps).at(-1) ?? inputs;
          const endScore = scores[scores.length - 1];
          for (const move of movesFor(end, model)) {
            expect(score(applyMove(end, move), model).overallScore).toBeLessThanOrEqual(endScore + EPSILON);
          }
        }
      }),
      runs,
    );
  });

  it('gives the same roadmap for the same inputs and leaves the inputs untouched', () => {
    fc.assert(
      fc.property(inputsArbitrary, stageArbitrary, (inputs, target) => {
        const copy = structuredClone(inputs);
        const result = roadmap(inputs, model, target);
        expect(inputs).toEqual(copy);
        expect(roadmap(copy, model, target)).toEqual(result);
      }),
      runs,
    );
  });

  it('lists only moves that change the inputs, each once', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const moves = movesFor(inputs, model);
        const keys = moves.map((m) => `${m.move}/${m.responsibility}/${m.department}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const move of moves) expect(applyMove(inputs, move)).not.toEqual(inputs);
      }),
      runs,
    );
  });

  it('measures the cost of a roadmap (bench, not an assertion)', () => {
    const fixtures = fc.sample(inputsArbitrary, { numRuns: 1000, seed: 17 });
    const measure = (targetOf: (inputs: ScoringInputs) => (typeof STAGES)[number]) => {
      const targets = fixtures.map(targetOf);
      const started = performance.now();
      let steps = 0;
      fixtures.forEach((inputs, i) => (steps += roadmap(inputs, model, targets[i]).steps.length));
      return {
        micros: ((performance.now() - started) * 1000) / fixtures.length,
        steps: steps / fixtures.length,
      };
    };
    const next = measure((inputs) => defaultTarget(score(inputs, model).stage));
    const converged = measure(() => 'CONVERGED');
    console.log(
      `roadmap bench over ${fixtures.length} fixtures: default target ${next.micros.toFixed(0)} µs mean ` +
        `(${next.steps.toFixed(2)} steps), target CONVERGED ${converged.micros.toFixed(0)} µs mean ` +
        `(${converged.steps.toFixed(2)} steps)`,
    );
    expect(fixtures).toHaveLength(1000);
  });
});
