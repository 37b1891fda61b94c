import type { ScoringModel } from './model';
import { SOCIAL_MATURITY_V1 } from './model-v1';

/** Every model an assessment may have been scored with, keyed by version. */
export const SCORING_MODELS: Readonly<Record<string, ScoringModel>> = {
  [SOCIAL_MATURITY_V1.version]: SOCIAL_MATURITY_V1,
};

/** The model new assessments are scored with. */
export const CURRENT_MODEL_VERSION: string = SOCIAL_MATURITY_V1.version;

export class UnknownScoringModelError extends Error {
  constructor(readonly version: string) {
    super(
      `Unknown scoring model version "${version}"; known versions: ${Object.keys(SCORING_MODELS).join(', ')} ` +
        '(see docs/methodology.md, "Versions")',
    );
    this.name = 'UnknownScoringModelError';
  }
}

export function getScoringModel(version: string): ScoringModel {
  if (!Object.hasOwn(SCORING_MODELS, version)) throw new UnknownScoringModelError(version);
  return SCORING_MODELS[version];
}
