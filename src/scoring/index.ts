/** The scoring engine: pure TypeScript, imports nothing of the app. */
export * from './domain';
export type * from './types';
export type * from './model';
export { SOCIAL_MATURITY_V1 } from './model-v1';
export {
  CURRENT_MODEL_VERSION,
  SCORING_MODELS,
  UnknownScoringModelError,
  getScoringModel,
} from './model-registry';
export { score } from './score';
export { stageOfScore, stageAfter } from './stages';
export { growth } from './growth';
export type { AssessmentSnapshot, DimensionTrend, GrowthPoint, GrowthResult } from './growth';
export {
  FIRST_PERIOD_YEAR,
  comparePeriodOrder,
  periodMonths,
  periodProblem,
  periodSpan,
  periodStart,
} from './period';
export type { PeriodOrdered, PeriodSpan } from './period';
export { stageOutlook } from './outlook';
export type { OutlookInput, StageOutlook } from './outlook';
export {
  ANSWER_ITEMS,
  ANSWER_ITEM_DEFINITIONS,
  CAMPAIGN_FINDING_CODES,
  CAMPAIGN_RULES,
} from './campaign-domain';
export type {
  AnswerItem,
  AnswerItemDefinition,
  AnswerKind,
  CampaignFindingCode,
  CampaignRules,
} from './campaign-domain';
export { aggregateResponses, campaignFindings, departmentBreakdown } from './campaign';
export type {
  CampaignAggregate,
  CampaignFindingResult,
  CampaignFindingsInput,
  CampaignResponse,
  DepartmentAggregate,
  ItemAggregate,
  ValueCount,
} from './campaign';
export {
  ROADMAP_MAX_STEPS,
  ROADMAP_MOVES,
  ROADMAP_PLACEHOLDERS,
  ROADMAP_TIE_EPSILON,
  applyMove,
  defaultTarget,
  firstLiveInitiative,
  inHouseOwnerDepartment,
  inputsAlong,
  moveApplies,
  movesFor,
  newMemberName,
  roadmap,
  sameMove,
} from './roadmap';
export type { MoveChoice, RoadmapMove, RoadmapResult, RoadmapStep } from './roadmap';
export { describeStep } from './roadmap-texts';
export type { StepDescription } from './roadmap-texts';
