import {
  FAILURE_FACTORS,
  RESPONSIBILITIES,
  SEVERITIES,
  type FailureFactor,
  type FindingCode,
  type Market,
  type Responsibility,
  type Severity,
} from './domain';
import { isFullyOutsourced, type ScoringContext } from './context';
import type { DimensionScores } from './dimensions';
import type { ScoringModel } from './model';
import type { FindingResult, ScoringInputs } from './types';

/** A rule that fired. */
interface FiredRule {
  code: FindingCode;
  responsibility?: Responsibility;
  failureFactor?: FailureFactor;
  /** Initiatives naming the failure factor. */
  count?: number;
}

/** Every finding that fires, most severe first, then in the model's rule order. */
export function collectFindings(
  inputs: ScoringInputs,
  context: ScoringContext,
  scores: DimensionScores,
  model: ScoringModel,
): FindingResult[] {
  const fired = [
    ...teamRules(context, model),
    ...salesRules(scores, model),
    ...outsourcingRules(context),
    ...measurementRules(context),
    ...satisfactionRules(scores, model),
    ...coverageRules(context),
    ...governanceRules(inputs, model),
    ...failureFactorRules(inputs, model),
  ];
  const market = inputs.profile.market;
  return fired.sort(byImportance(market, model)).map((rule) => describe(rule, market, model));
}

function teamRules(context: ScoringContext, model: ScoringModel): FiredRule[] {
  const members = context.inHouseMembers;
  if (members.length === 0) return [{ code: context.teamNeeded ? 'NO_TEAM_WHERE_NEEDED' : 'TEAM_OPTIONAL' }];
  const marketingOnly =
    members.every((member) => member.department === 'MARKETING') &&
    context.organisationDepartments.length >= model.findingThresholds.marketingOnlyMinDepartments;
  return marketingOnly ? [{ code: 'MARKETING_ONLY_TEAM' }] : [];
}

/** Applicable and at the "neither" score (0 in v1): no Sales member, and Sales owns and leads nothing. */
function salesRules(scores: DimensionScores, model: ScoringModel): FiredRule[] {
  return scores.SALES_INVOLVEMENT === model.salesInvolvement.neither ? [{ code: 'SALES_NOT_INVOLVED' }] : [];
}

function outsourcingRules(context: ScoringContext): FiredRule[] {
  const fired: FiredRule[] = [];
  if (isFullyOutsourced(context)) fired.push({ code: 'FULLY_OUTSOURCED' });
  if (context.owners.get('REPUTATION_MANAGEMENT')?.kind === 'AGENCY')
    fired.push({ code: 'REPUTATION_OUTSOURCED' });
  return fired;
}

function measurementRules(context: ScoringContext): FiredRule[] {
  const kpis = context.liveInitiatives.flatMap((initiative) => initiative.kpis);
  if (kpis.length === 0) return [{ code: 'NO_KPIS' }];
  return kpis.every((kpi) => kpi.kind === 'VANITY') ? [{ code: 'VANITY_METRICS_ONLY' }] : [];
}

function satisfactionRules(scores: DimensionScores, model: ScoringModel): FiredRule[] {
  const score = scores.SATISFACTION;
  return score !== null && score < model.findingThresholds.lowSatisfactionBelow
    ? [{ code: 'LOW_SATISFACTION' }]
    : [];
}

function coverageRules(context: ScoringContext): FiredRule[] {
  return context.applicableResponsibilities
    .filter((responsibility) => !context.owners.has(responsibility))
    .map((responsibility) => ({ code: 'UNCOVERED_RESPONSIBILITY', responsibility }));
}

function governanceRules({ answers }: ScoringInputs, model: ScoringModel): FiredRule[] {
  const fired: FiredRule[] = [];
  if (!answers.hasPolicy) fired.push({ code: 'NO_POLICY' });
  if (!answers.hasCrisisPlan) fired.push({ code: 'NO_CRISIS_PLAN' });
  if (!answers.hasMonitoring) fired.push({ code: 'NO_MONITORING' });
  if (answers.managementSupport <= model.findingThresholds.weakManagementSupportAtMost) {
    fired.push({ code: 'WEAK_MANAGEMENT_SUPPORT' });
  }
  return fired;
}

/** Counted over all initiatives, stopped ones too; an initiative naming a factor twice counts once. */
function failureFactorRules({ initiatives }: ScoringInputs, model: ScoringModel): FiredRule[] {
  return FAILURE_FACTORS.map((failureFactor) => ({
    code: 'RECURRING_FAILURE_FACTOR' as const,
    failureFactor,
    count: initiatives.filter((initiative) => initiative.failureFactors.includes(failureFactor)).length,
  })).filter(({ count }) => count >= model.findingThresholds.recurringFailureFactorMin);
}

/** A finding as codes and numbers: its texts are made from them in the reader's language (src/i18n). */
function describe(rule: FiredRule, market: Market, model: ScoringModel): FindingResult {
  return {
    code: rule.code,
    severity: severityOf(rule.code, market, model),
    dimension: model.findings[rule.code].dimension,
    responsibility: rule.responsibility ?? null,
    failureFactor: rule.failureFactor ?? null,
    ...(rule.count !== undefined ? { values: { count: rule.count } } : {}),
  };
}

function severityOf(code: FindingCode, market: Market, model: ScoringModel): Severity {
  const definition = model.findings[code];
  return definition.severityByMarket?.[market] ?? definition.severity;
}

/** Most severe first; then rule order; then responsibility or failure factor in contract order. */
function byImportance(market: Market, model: ScoringModel): (a: FiredRule, b: FiredRule) => number {
  const severityRank = (rule: FiredRule) => SEVERITIES.indexOf(severityOf(rule.code, market, model));
  const ruleRank = (rule: FiredRule) => model.findingOrder.indexOf(rule.code);
  const responsibilityRank = (rule: FiredRule) =>
    rule.responsibility ? RESPONSIBILITIES.indexOf(rule.responsibility) : -1;
  const failureFactorRank = (rule: FiredRule) =>
    rule.failureFactor ? FAILURE_FACTORS.indexOf(rule.failureFactor) : -1;
  return (a, b) =>
    severityRank(b) - severityRank(a) ||
    ruleRank(a) - ruleRank(b) ||
    responsibilityRank(a) - responsibilityRank(b) ||
    failureFactorRank(a) - failureFactorRank(b);
}
