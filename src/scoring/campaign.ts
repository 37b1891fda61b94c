import {
  ANSWER_ITEMS,
  ANSWER_ITEM_DEFINITIONS,
  CAMPAIGN_FINDING_CODES,
  CAMPAIGN_RULES,
  type AnswerItem,
  type CampaignFindingCode,
  type CampaignRules,
} from './campaign-domain';
import {
  DEPARTMENTS,
  REPORTING_CADENCES,
  SEVERITIES,
  type Department,
  type ReportingCadence,
} from './domain';
import type { AssessmentAnswers, FindingResult } from './types';

/**
 * Campaigns (domain.md "Campaigns: many respondents, one assessment"): several respondents' answers become one
 * aggregate to score, with per item the disagreement between them, the campaign findings and a department
 * breakdown that never shows a group below the anonymity threshold. Pure: no clock, no I/O; the order of the
 * responses never matters.
 */

/** One respondent's (last) answers, with who they are. */
export interface CampaignResponse {
  answers: AssessmentAnswers;
  department: Department;
  /** An agency person rather than staff. */
  external: boolean;
}

/** How many responses gave one value of an item. */
export interface ValueCount {
  /** As the answer would be given: "1".."5", "true"/"false", a cadence. */
  value: string;
  count: number;
}

export interface ItemAggregate {
  item: AnswerItem;
  /** The aggregate as the answer would be given: "3.5", "true", "MONTHLY". */
  value: string;
  /** 0 (all agree) to 1. */
  disagreement: number;
  contested: boolean;
  responses: number;
  /**
   * Every value the item can take with its count (zero counts included), in a fixed order: ratings "1".."5",
   * yes/no "false" then "true", cadences NONE..WEEKLY.
   */
  distribution: ValueCount[];
}

export interface CampaignAggregate {
  responses: number;
  /** One per item in contract order; empty without responses. */
  items: ItemAggregate[];
  /** The aggregated answers to score; null without responses. */
  answers: AssessmentAnswers | null;
}

export interface CampaignFindingResult extends FindingResult {
  code: CampaignFindingCode;
  /** The item a RESPONDENTS_DISAGREE finding names; null for the other findings. */
  item: AnswerItem | null;
}

export interface CampaignFindingsInput {
  items: readonly ItemAggregate[];
  /** Only who answered matters here. */
  responses: readonly Pick<CampaignResponse, 'department'>[];
  organisationDepartments: readonly Department[];
  invitedCount: number;
}

export interface DepartmentAggregate {
  /** OTHER is the merged group: the OTHER department together with every department too small to show. */
  department: Department;
  responses: number;
  items: ItemAggregate[];
}

/** The aggregate of one item, before it is named. */
interface ItemPart<T> {
  aggregate: T;
  disagreement: number;
  distribution: ValueCount[];
}

/** Aggregates the responses per item: median, majority or lower median, with disagreement and distribution. */
export function aggregateResponses(
  responses: readonly Pick<CampaignResponse, 'answers'>[],
  rules: CampaignRules = CAMPAIGN_RULES,
): CampaignAggregate {
  const all = responses.map((response) => response.answers);
  if (all.length === 0) return { responses: 0, items: [], answers: null };
  const overallSatisfaction = aggregateRating(
    all.map((answers) => answers.overallSatisfaction),
    rules,
  );
  const managementSupport = aggregateRating(
    all.map((answers) => answers.managementSupport),
    rules,
  );
  const hasPolicy = aggregateYesNo(all.map((answers) => answers.hasPolicy));
  const policyRoleModel = aggregateRating(
    all.map((answers) => answers.policyRoleModel),
    rules,
  );
  const hasCrisisPlan = aggregateYesNo(all.map((answers) => answers.hasCrisisPlan));
  const hasMonitoring = aggregateYesNo(all.map((answers) => answers.hasMonitoring));
  const reportingCadence = aggregateCadence(all.map((answers) => answers.reportingCadence));
  const communityApplicable = aggregateYesNo(all.map((answers) => answers.communityApplicable));
  const parts: Readonly<Record<AnswerItem, ItemPart<number | boolean | string>>> = {
    OVERALL_SATISFACTION: overallSatisfaction,
    MANAGEMENT_SUPPORT: managementSupport,
    HAS_POLICY: hasPolicy,
    POLICY_ROLE_MODEL: policyRoleModel,
    HAS_CRISIS_PLAN: hasCrisisPlan,
    HAS_MONITORING: hasMonitoring,
    REPORTING_CADENCE: reportingCadence,
    COMMUNITY_APPLICABLE: communityApplicable,
  };
  const n = all.length;
  return {
    responses: n,
    items: ANSWER_ITEMS.map((item) => ({
      item,
      value: String(parts[item].aggregate),
      disagreement: parts[item].disagreement,
      contested: n >= rules.contestedMinResponses && parts[item].disagreement >= rules.contestedFrom,
      responses: n,
      distribution: parts[item].distribution,
    })),
    answers: {
      overallSatisfaction: overallSatisfaction.aggregate,
      managementSupport: managementSupport.aggregate,
      hasPolicy: hasPolicy.aggregate,
      policyRoleModel: policyRoleModel.aggregate,
      hasCrisisPlan: hasCrisisPlan.aggregate,
      hasMonitoring: hasMonitoring.aggregate,
      reportingCadence: reportingCadence.aggregate,
      communityApplicable: communityApplicable.aggregate,
    },
  };
}

/** The median; for an even count the mean of the two middle values. Disagreement (max - min) / scale width. */
function aggregateRating(values: readonly number[], rules: CampaignRules): ItemPart<number> {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const scale: number[] = [];
  for (let rating = rules.ratingMin; rating <= rules.ratingMax; rating += 1) scale.push(rating);
  // A value off the scale (never given through the API) is still counted, in numeric order.
  const shown = [...new Set([...scale, ...sorted])].sort((a, b) => a - b);
  return {
    aggregate: median,
    disagreement: (sorted[n - 1] - sorted[0]) / (rules.ratingMax - rules.ratingMin),
    distribution: shown.map((value) => ({
      value: String(value),
      count: sorted.filter((given) => given === value).length,
    })),
  };
}

/** Yes when more than half say yes; a tie is no. Disagreement 2 x min(yes, no) / n. */
function aggregateYesNo(values: readonly boolean[]): ItemPart<boolean> {
  const yes = values.filter(Boolean).length;
  const no = values.length - yes;
  return {
    aggregate: 2 * yes > values.length,
    disagreement: (2 * Math.min(yes, no)) / values.length,
    distribution: [
      { value: 'false', count: no },
      { value: 'true', count: yes },
    ],
  };
}

/** The lower median in the order NONE < ... < WEEKLY. Disagreement (highest rank - lowest rank) / 4. */
function aggregateCadence(values: readonly ReportingCadence[]): ItemPart<ReportingCadence> {
  const ranks = values.map((cadence) => REPORTING_CADENCES.indexOf(cadence)).sort((a, b) => a - b);
  const n = ranks.length;
  return {
    aggregate: REPORTING_CADENCES[ranks[Math.floor((n - 1) / 2)]],
    disagreement: (ranks[n - 1] - ranks[0]) / (REPORTING_CADENCES.length - 1),
    distribution: REPORTING_CADENCES.map((cadence) => ({
      value: cadence,
      count: values.filter((given) => given === cadence).length,
    })),
  };
}

/** A campaign rule that fired. */
interface FiredCampaignRule {
  code: CampaignFindingCode;
  item?: AnswerItem;
}

/**
 * The campaign findings, added to the model's findings of a campaign assessment (they change no score); most
 * severe first, then in rule order, then by item in contract order.
 */
export function campaignFindings(
  { items, responses, organisationDepartments, invitedCount }: CampaignFindingsInput,
  rules: CampaignRules = CAMPAIGN_RULES,
): CampaignFindingResult[] {
  const fired: FiredCampaignRule[] = items
    .filter((aggregate) => aggregate.contested)
    .map((aggregate) => ({ code: 'RESPONDENTS_DISAGREE', item: aggregate.item }));
  const answeringDepartments = new Set(responses.map((response) => response.department));
  if (organisationDepartments.includes('SALES') && !answeringDepartments.has('SALES')) {
    fired.push({ code: 'SALES_NOT_HEARD' });
  }
  if (
    answeringDepartments.size === 1 &&
    new Set(organisationDepartments).size >= rules.singleDepartmentMinDepartments
  ) {
    fired.push({ code: 'SINGLE_DEPARTMENT_VIEW' });
  }
  if (responses.length < rules.lowResponseRateBelow * invitedCount) fired.push({ code: 'LOW_RESPONSE_RATE' });
  const values = { responses: responses.length, invited: invitedCount };
  return fired.sort(byImportance(rules)).map((rule) => describe(rule, values, rules));
}

/** A campaign finding as codes and numbers (LOW_RESPONSE_RATE's texts need the counts); texts come from src/i18n. */
function describe(
  rule: FiredCampaignRule,
  counts: { responses: number; invited: number },
  rules: CampaignRules,
): CampaignFindingResult {
  return {
    code: rule.code,
    severity: rules.severities[rule.code],
    dimension: rule.item ? ANSWER_ITEM_DEFINITIONS[rule.item].dimension : null,
    item: rule.item ?? null,
    responsibility: null,
    failureFactor: null,
    ...(rule.code === 'LOW_RESPONSE_RATE' ? { values: { ...counts } } : {}),
  };
}

function byImportance(rules: CampaignRules): (a: FiredCampaignRule, b: FiredCampaignRule) => number {
  const severityRank = (rule: FiredCampaignRule) => SEVERITIES.indexOf(rules.severities[rule.code]);
  const ruleRank = (rule: FiredCampaignRule) => CAMPAIGN_FINDING_CODES.indexOf(rule.code);
  const itemRank = (rule: FiredCampaignRule) => (rule.item ? ANSWER_ITEMS.indexOf(rule.item) : -1);
  return (a, b) =>
    severityRank(b) - severityRank(a) || ruleRank(a) - ruleRank(b) || itemRank(a) - itemRank(b);
}

/**
 * Aggregates per department, never for a group below minGroup responses. A department (other than OTHER) with at
 * least minGroup responses is its own group; the rest (the OTHER department and the smaller ones) are merged into
 * OTHER, shown only when it has at least minGroup. So that no hidden group can be worked out by subtracting the
 * shown groups from the campaign's aggregate, the shown groups always hold every response or none: when the rest
 * is too small to show, the smallest shown department joins it. In contract order of departments, OTHER last.
 */
export function departmentBreakdown(
  responses: readonly CampaignResponse[],
  minGroup: number = CAMPAIGN_RULES.minGroup,
  rules: CampaignRules = CAMPAIGN_RULES,
): DepartmentAggregate[] {
  if (!Number.isInteger(minGroup) || minGroup < 1) {
    throw new RangeError(`minGroup must be a whole number of at least 1, got ${minGroup}`);
  }
  const byDepartment = new Map<Department, CampaignResponse[]>();
  for (const response of responses) {
    byDepartment.set(response.department, [...(byDepartment.get(response.department) ?? []), response]);
  }
  const groupOf = (department: Department) => byDepartment.get(department) ?? [];
  const shown = DEPARTMENTS.filter(
    (department) => department !== 'OTHER' && groupOf(department).length >= minGroup,
  );
  const restCount = () =>
    responses.length - shown.reduce((sum, department) => sum + groupOf(department).length, 0);
  if (restCount() > 0 && restCount() < minGroup && shown.length > 0) {
    // The smallest shown department; of equal ones the last in contract order.
    const smallest = shown.reduce((best, department) =>
      groupOf(department).length <= groupOf(best).length ? department : best,
    );
    shown.splice(shown.indexOf(smallest), 1);
  }
  const groups: { department: Department; members: readonly CampaignResponse[] }[] = shown.map(
    (department) => ({ department, members: groupOf(department) }),
  );
  const rest = responses.filter((response) => !shown.includes(response.department));
  if (rest.length >= minGroup) groups.push({ department: 'OTHER', members: rest });
  return groups.map(({ department, members }) => ({
    department,
    responses: members.length,
    items: aggregateResponses(members, rules).items,
  }));
}
