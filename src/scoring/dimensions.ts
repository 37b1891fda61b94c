import type { Dimension } from './domain';
import { salesOwnsAResponsibility, type ScoringContext } from './context';
import type {
  GovernanceRule,
  MeasurementRule,
  RatingScale,
  SalesInvolvementRule,
  SatisfactionRule,
  ScoringModel,
  TeamCompositionRule,
  OutsourcingRule,
} from './model';
import { mean } from './statistics';
import type { AssessmentAnswers } from './types';

/** A score 0-100 per dimension, null where the dimension does not apply. */
export type DimensionScores = Readonly<Record<Dimension, number | null>>;

export function scoreDimensions(
  context: ScoringContext,
  answers: AssessmentAnswers,
  model: ScoringModel,
): DimensionScores {
  return {
    TEAM_COMPOSITION: teamCompositionScore(context, model.teamComposition),
    SALES_INVOLVEMENT: salesInvolvementScore(context, model.salesInvolvement),
    OUTSOURCING: outsourcingScore(context, model.outsourcing),
    SATISFACTION: satisfactionScore(context, answers, model.satisfaction),
    MEASUREMENT: measurementScore(context, answers, model.measurement),
    RESPONSIBILITY_COVERAGE: responsibilityCoverageScore(context),
    GOVERNANCE: governanceScore(answers, model.governance),
  };
}

/** Skill (insight, experience, affinity) of the in-house members, plus a bonus for mirroring the organisation. */
export function teamCompositionScore(context: ScoringContext, rule: TeamCompositionRule): number | null {
  const members = context.inHouseMembers;
  if (members.length === 0) return context.teamNeeded ? 0 : null;
  const skill = mean(
    members.map((member) =>
      ratingToPercent(mean([member.insight, member.experience, member.affinity]), rule),
    ),
  );
  const teamDepartments = new Set(members.map((member) => member.department)).size;
  const departmentsToMirror = Math.min(
    rule.diversityDepartmentCap,
    Math.max(1, context.organisationDepartments.length),
  );
  const diversity = Math.min(1, teamDepartments / departmentsToMirror) * 100;
  return rule.skillShare * skill + rule.diversityShare * diversity;
}

/** Sales in the team, and Sales owning a responsibility or leading a live initiative. */
export function salesInvolvementScore(context: ScoringContext, rule: SalesInvolvementRule): number | null {
  if (!context.organisationDepartments.includes('SALES')) return null;
  const inTeam = context.inHouseMembers.some((member) => member.department === 'SALES');
  const inCharge =
    salesOwnsAResponsibility(context) ||
    context.liveInitiatives.some((initiative) => initiative.ownerDepartment === 'SALES');
  if (inTeam && inCharge) return rule.both;
  return inTeam || inCharge ? rule.oneOfTwo : rule.neither;
}

/** Some help from an agency is fine; beyond the free share the score falls linearly to the floor. */
export function outsourcingScore(context: ScoringContext, rule: OutsourcingRule): number | null {
  const share = context.outsourcingShare;
  if (share === null) return null;
  if (share <= rule.freeShare) return 100;
  return 100 - ((share - rule.freeShare) / (1 - rule.freeShare)) * (100 - rule.floor);
}

/** The overall answer, blended with the live initiatives' ratings where they carry one. */
export function satisfactionScore(
  context: ScoringContext,
  answers: AssessmentAnswers,
  rule: SatisfactionRule,
): number {
  const overall = ratingToPercent(answers.overallSatisfaction, rule);
  const ratings = context.liveInitiatives.flatMap((initiative) =>
    initiative.satisfaction === null ? [] : [initiative.satisfaction],
  );
  if (ratings.length === 0) return overall;
  return (1 - rule.initiativeShare) * overall + rule.initiativeShare * ratingToPercent(mean(ratings), rule);
}

/** Follower counts say little; business KPIs reported regularly say most. */
export function measurementScore(
  context: ScoringContext,
  answers: AssessmentAnswers,
  rule: MeasurementRule,
): number {
  const kinds = new Set(
    context.liveInitiatives.flatMap((initiative) => initiative.kpis.map((kpi) => kpi.kind)),
  );
  if (kinds.has('BUSINESS')) {
    return rule.reportingCadences.includes(answers.reportingCadence) ? rule.businessReported : rule.business;
  }
  if (kinds.has('ENGAGEMENT')) return rule.engagement;
  return kinds.has('VANITY') ? rule.vanityOnly : rule.none;
}

export function responsibilityCoverageScore(context: ScoringContext): number {
  return (context.owners.size / context.applicableResponsibilities.length) * 100;
}

export function governanceScore(answers: AssessmentAnswers, rule: GovernanceRule): number {
  const met = [
    answers.hasPolicy,
    answers.policyRoleModel >= rule.policyRoleModelMin,
    answers.hasCrisisPlan,
    answers.hasMonitoring,
  ].filter(Boolean).length;
  return met * rule.pointsEach;
}

/** Maps a rating on the scale (1-5) to 0-100. */
export function ratingToPercent(rating: number, scale: RatingScale): number {
  return ((rating - scale.ratingMin) / (scale.ratingMax - scale.ratingMin)) * 100;
}
