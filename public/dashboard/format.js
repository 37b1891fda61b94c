// Labels and number formats. The API keeps scores unrounded; everything shown is rounded to one decimal.

export const STAGES = ['PLANNING', 'PRESENCE', 'ENGAGEMENT', 'FORMALIZED', 'STRATEGIC', 'CONVERGED'];

/**
 * A copy of the domain's stage floors, kept because the API has no field for them yet (remove when it has).
 * Where the growth chart draws each stage's band (docs/methodology.md, "Stages"). Drawing only: what reaches the
 * next stage and what holds it back come from the API (Assessment.outlook).
 */
export const STAGE_FLOORS = { PLANNING: 0, PRESENCE: 20, ENGAGEMENT: 35, FORMALIZED: 50, STRATEGIC: 65, CONVERGED: 80 };

/** Days before the due date when a client shows "Due in n days": the dashboard's own choice (no API field yet). */
export const DUE_SOON_DAYS = 14;

export const DIMENSIONS = [
  'TEAM_COMPOSITION',
  'SALES_INVOLVEMENT',
  'OUTSOURCING',
  'SATISFACTION',
  'MEASUREMENT',
  'RESPONSIBILITY_COVERAGE',
  'GOVERNANCE',
];

/** Most severe first: the order findings are shown in. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

const DIMENSION_LABELS = {
  TEAM_COMPOSITION: 'Team composition',
  SALES_INVOLVEMENT: 'Sales involvement',
  OUTSOURCING: 'Outsourcing',
  SATISFACTION: 'Satisfaction',
  MEASUREMENT: 'Measurement',
  RESPONSIBILITY_COVERAGE: 'Responsibility coverage',
  GOVERNANCE: 'Governance',
};

const SHORT_DIMENSION_LABELS = {
  TEAM_COMPOSITION: 'Team',
  SALES_INVOLVEMENT: 'Sales',
  OUTSOURCING: 'Outsourcing',
  SATISFACTION: 'Satisfaction',
  MEASUREMENT: 'Measurement',
  RESPONSIBILITY_COVERAGE: 'Coverage',
  GOVERNANCE: 'Governance',
};

export function titleCase(code) {
  if (!code) return '';
  const words = String(code).toLowerCase().split('_');
  words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
  return words.join(' ');
}

export const dimensionLabel = (d) => DIMENSION_LABELS[d] ?? titleCase(d);
export const shortDimensionLabel = (d) => SHORT_DIMENSION_LABELS[d] ?? titleCase(d);
export const stageLabel = (s) => titleCase(s);
export const stageIndex = (s) => STAGES.indexOf(s);

const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const SIGNED_ONE_DECIMAL = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const INTEGER = new Intl.NumberFormat('en-GB');
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A score as shown: one decimal ("54.3"); an em dash for null. */
export function score(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : ONE_DECIMAL.format(value);
}

/** A change as shown: signed, one decimal ("+6.2", "−3.1", "0.0"). */
export function delta(value) {
  if (value === null || value === undefined) return '—';
  return SIGNED_ONE_DECIMAL.format(value).replace('-', '−');
}

export const integer = (value) => INTEGER.format(value);
export const date = (iso) => (iso ? DATE.format(new Date(iso)) : '—');
export const month = (iso) => (iso ? MONTH.format(new Date(iso)) : '—');

/** Whole days from now until an ISO date (negative when past). */
export function daysUntil(iso, now = Date.now()) {
  return Math.round((new Date(iso).getTime() - now) / 86_400_000);
}

export function plural(n, one, many = `${one}s`) {
  return `${integer(n)} ${n === 1 ? one : many}`;
}
