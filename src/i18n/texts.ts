import type { Language } from '../common/language';
import { formatNumber, translator, type TextValues } from './translator';

/**
 * The texts of the scoring engine's results, made from codes when a response is written (the engine and the stored
 * results hold codes and numbers only). Keys: finding.<CODE>.message|recommendation, with the labels of the codes
 * it names (enum.Responsibility, responsibilityTask, enum.FailureFactor, failureFactorAdvice, enum.AnswerItem);
 * roadmap.move.<MOVE> with enum.Department and enum.Responsibility.
 */

/** What a finding's texts are made of: its code, the codes it names and the numbers its texts need. */
export interface FindingReference {
  readonly code: string;
  readonly responsibility?: string | null;
  readonly failureFactor?: string | null;
  readonly item?: string | null;
  readonly values?: Readonly<Record<string, number>>;
}

export interface FindingTexts {
  message: string;
  recommendation: string;
}

/**
 * A written text per (language, finding): a finding is one of a few hundred combinations, read on every assessment
 * (bench Q1), and i18next's t() with interpolation costs microseconds each (docs/api.md, "Languages"). Bounded, so
 * a stream of unusual numbers cannot grow it without end.
 */
const FINDING_CACHE_LIMIT = 5_000;
const findingCache = new Map<string, FindingTexts>();

export function findingTexts(language: Language, finding: FindingReference): FindingTexts {
  const key = cacheKey(language, finding);
  const cached = findingCache.get(key);
  if (cached) return cached;
  const t = translator(language);
  const values: Record<string, string> = {};
  if (finding.responsibility) {
    values.responsibility = t(`enum.Responsibility.${finding.responsibility}`);
    values.task = t(`responsibilityTask.${finding.responsibility}`);
  }
  if (finding.failureFactor) {
    values.factor = t(`enum.FailureFactor.${finding.failureFactor}`);
    values.advice = t(`failureFactorAdvice.${finding.failureFactor}`);
  }
  if (finding.item) values.item = t(`enum.AnswerItem.${finding.item}`);
  for (const [name, value] of Object.entries(finding.values ?? {})) values[name] = formatNumber(language, value);
  const texts = {
    message: t(`finding.${finding.code}.message`, values),
    recommendation: t(`finding.${finding.code}.recommendation`, values),
  };
  if (findingCache.size >= FINDING_CACHE_LIMIT) findingCache.clear();
  findingCache.set(key, texts);
  return texts;
}

function cacheKey(language: Language, f: FindingReference): string {
  const values = f.values ? Object.entries(f.values).map(([k, v]) => `${k}=${v}`).join(',') : '';
  return `${language}|${f.code}|${f.responsibility ?? ''}|${f.failureFactor ?? ''}|${f.item ?? ''}|${values}`;
}

/** A roadmap step without language (scoring's StepDescription): its move and its parameters as codes or names. */
export interface StepReference {
  readonly key: string;
  /** responsibility and department as contract codes, owner as a Department code, initiative as its name. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * A written description per (language, move, parameters), bounded like the findings' cache: every read of a
 * roadmap (bench Q4) describes its steps, and i18next's t() with interpolation allocates about 2 KB a step.
 */
const STEP_CACHE_LIMIT = 5_000;
const stepCache = new Map<string, string>();

/** What to do and why, for a roadmap step, in a language. */
export function stepDescription(language: Language, step: StepReference): string {
  const { responsibility, department, owner, initiative } = step.params;
  const key = `${language}|${step.key}|${responsibility ?? ''}|${department ?? ''}|${owner ?? ''}|${initiative ?? ''}`;
  const cached = stepCache.get(key);
  if (cached !== undefined) return cached;
  const description = describe(language, step);
  if (stepCache.size >= STEP_CACHE_LIMIT) stepCache.clear();
  stepCache.set(key, description);
  return description;
}

function describe(language: Language, step: StepReference): string {
  const t = translator(language);
  const values: Record<string, string> = {};
  const { responsibility, department, owner, initiative } = step.params;
  if (responsibility) values.responsibility = t(`enum.Responsibility.${responsibility}`);
  if (department) values.department = t(`enum.Department.${department}`);
  if (owner) values.owner = t(`enum.Department.${owner}`);
  if (initiative) values.initiative = initiative;
  return capitalise(t(`roadmap.move.${step.key}`, values));
}

/** The name of a contract code in a language: enum.<GraphQL type>.<CODE>, e.g. label('nl', 'Stage', 'PLANNING'). */
export function label(language: Language, type: string, code: string): string {
  return translator(language)(`enum.${type}.${code}`);
}

/** A text of the catalogue (mail, reports): the translate function of the language, once. */
export function text(language: Language, key: string, values?: TextValues): string {
  return translator(language)(key, values);
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
