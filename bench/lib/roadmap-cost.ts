import { CURRENT_MODEL_VERSION, defaultTarget, getScoringModel, roadmap, score } from '../../src/scoring';
import { sampleInputs } from './generate';

/**
 * What a roadmap costs the request that computes it (Tenant.roadmap's first read of an assessment; later reads
 * get the stored one): the pure engine's roadmap toward the next stage over varied inputs, on one core.
 */
export function measureRoadmap(seconds: number): { roadmaps: number; seconds: number; msPerRoadmap: number } {
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  const cases = sampleInputs(128, 21).map((inputs) => ({
    inputs,
    target: defaultTarget(score(inputs, model).stage),
  }));
  for (let i = 0; i < 50; i += 1)
    roadmap(cases[i % cases.length].inputs, model, cases[i % cases.length].target); // warm-up
  let roadmaps = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  while (performance.now() < until) {
    const c = cases[roadmaps % cases.length];
    roadmap(c.inputs, model, c.target);
    roadmaps += 1;
  }
  const elapsed = performance.now() - t0;
  return { roadmaps, seconds: elapsed / 1000, msPerRoadmap: elapsed / roadmaps };
}
