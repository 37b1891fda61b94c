import type { FindingCode } from './domain';
import type { FindingDefinition } from './model';

/**
 * The findings of social-maturity/v1: severity and dimension, grounded in the Ragan/NASDAQ survey
 * ("Structuring a Social Media Team", 2012) and the article discussing it (see docs/methodology.md). Their texts
 * are in the catalogues (src/i18n/catalogue/*.json, `finding.<CODE>`), so a stored result reads in any language.
 */
export const FINDINGS_V1: Readonly<Record<FindingCode, FindingDefinition>> = {
  NO_TEAM_WHERE_NEEDED: {
    severity: 'CRITICAL',
    dimension: 'TEAM_COMPOSITION',
  },
  TEAM_OPTIONAL: {
    severity: 'INFO',
    dimension: 'TEAM_COMPOSITION',
  },
  MARKETING_ONLY_TEAM: {
    severity: 'MEDIUM',
    dimension: 'TEAM_COMPOSITION',
  },
  SALES_NOT_INVOLVED: {
    severity: 'MEDIUM',
    severityByMarket: { B2B: 'HIGH' },
    dimension: 'SALES_INVOLVEMENT',
  },
  FULLY_OUTSOURCED: {
    severity: 'HIGH',
    dimension: 'OUTSOURCING',
  },
  REPUTATION_OUTSOURCED: {
    severity: 'MEDIUM',
    dimension: 'OUTSOURCING',
  },
  NO_KPIS: {
    severity: 'MEDIUM',
    dimension: 'MEASUREMENT',
  },
  VANITY_METRICS_ONLY: {
    severity: 'HIGH',
    dimension: 'MEASUREMENT',
  },
  LOW_SATISFACTION: {
    severity: 'MEDIUM',
    dimension: 'SATISFACTION',
  },
  UNCOVERED_RESPONSIBILITY: {
    severity: 'MEDIUM',
    dimension: 'RESPONSIBILITY_COVERAGE',
  },
  NO_POLICY: {
    severity: 'MEDIUM',
    dimension: 'GOVERNANCE',
  },
  NO_CRISIS_PLAN: {
    severity: 'HIGH',
    dimension: 'GOVERNANCE',
  },
  NO_MONITORING: {
    severity: 'MEDIUM',
    dimension: 'GOVERNANCE',
  },
  WEAK_MANAGEMENT_SUPPORT: {
    severity: 'MEDIUM',
    dimension: 'GOVERNANCE',
  },
  RECURRING_FAILURE_FACTOR: {
    severity: 'LOW',
    dimension: null,
  },
};
