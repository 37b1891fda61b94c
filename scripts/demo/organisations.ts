import type { Culture, Department, FailureFactor, Market, Responsibility } from '../../src/scoring/domain';
import type { SetUp } from './survey-draws';

/** The seed of every draw: the same organisations on every run. */
export const SEED = 20_120_901;
/** Quarters of history per client. */
export const PERIODS = 6;
export const DAY = 86_400_000;

// ---- the twelve client organisations and the eight peers ---------------------------------------------------------

export interface Archetype {
  name: string;
  employeeCount: number;
  market: Market;
  culture: Culture;
  locations: number;
  departments: Department[];
  sector: string;
  /** Quarters between the last assessment and the current quarter: 2 makes the client overdue. */
  lag: 0 | 1 | 2;
  /** The last quarter goes badly (the social media lead leaves; satisfaction falls): a score-drop alert. */
  setback?: boolean;
  /**
   * Twelve draws rarely hit the survey's smallest set-ups (hybrid 5%, fully outsourced 3%); two clients are
   * given one so the demo shows what the model says about agencies.
   */
  setUp?: SetUp;
}

export const CLIENTS: Archetype[] = [
  { name: 'Bakkerij Van Dam', employeeCount: 12, market: 'B2C', culture: 'INFORMAL', locations: 1, departments: ['MARKETING', 'CUSTOMER_SERVICE', 'MANAGEMENT'], sector: 'Food retail', lag: 0 },
  { name: 'Pixelwerk Studio', employeeCount: 28, market: 'B2B', culture: 'INFORMAL', locations: 1, departments: ['MARKETING', 'SALES', 'PRODUCT', 'MANAGEMENT'], sector: 'Digital agency', lag: 1 },
  { name: 'Fietsfabriek Noord', employeeCount: 85, market: 'MIXED', culture: 'MIXED', locations: 2, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'PRODUCT', 'HR'], sector: 'Manufacturing', lag: 0 },
  { name: 'Zorggroep Rivierenland', employeeCount: 1400, market: 'B2C', culture: 'HIERARCHICAL', locations: 12, departments: ['MARKETING', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Healthcare', lag: 0 },
  { name: 'Hanze Logistics', employeeCount: 620, market: 'B2B', culture: 'HIERARCHICAL', locations: 5, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Logistics', lag: 0, setback: true },
  { name: 'Greenfield Energy', employeeCount: 2300, market: 'MIXED', culture: 'HIERARCHICAL', locations: 8, departments: ['MARKETING', 'SALES', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Energy', lag: 2 },
  { name: 'Kantoorpunt', employeeCount: 140, market: 'B2B', culture: 'MIXED', locations: 3, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT'], sector: 'Office supplies', lag: 0 },
  { name: 'Museum aan de Maas', employeeCount: 65, market: 'B2C', culture: 'MIXED', locations: 1, departments: ['MARKETING', 'PR', 'CUSTOMER_SERVICE', 'OTHER'], sector: 'Culture', lag: 2, setUp: 'FULLY_OUTSOURCED' },
  { name: 'Atlas Insurance', employeeCount: 4800, market: 'B2C', culture: 'HIERARCHICAL', locations: 20, departments: ['MARKETING', 'SALES', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'PRODUCT', 'MANAGEMENT'], sector: 'Financial services', lag: 0 },
  { name: 'Brightline Software', employeeCount: 210, market: 'B2B', culture: 'INFORMAL', locations: 2, departments: ['MARKETING', 'SALES', 'PRODUCT', 'CUSTOMER_SERVICE', 'IT'], sector: 'Software', lag: 0, setback: true },
  { name: 'Gemeente Lindendal', employeeCount: 900, market: 'MIXED', culture: 'HIERARCHICAL', locations: 4, departments: ['CORPORATE_COMMUNICATIONS', 'PR', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Local government', lag: 1 },
  { name: 'Noordzee Hotels', employeeCount: 340, market: 'B2C', culture: 'MIXED', locations: 6, departments: ['MARKETING', 'SALES', 'PR', 'CUSTOMER_SERVICE', 'HR'], sector: 'Hospitality', lag: 0, setUp: 'HYBRID_WITH_AGENCY' },
];

/**
 * Peer organisations of the 50-249 band (with Fietsfabriek, Kantoorpunt, Museum and Brightline: 12 eligible
 * tenants, a release with peerCount 10). Each has two assessments, five quarters apart.
 */
export const PEERS: Archetype[] = [
  { name: 'Drukkerij De Ridder', employeeCount: 72, market: 'B2B', culture: 'MIXED', locations: 1, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'MANAGEMENT'], sector: 'Printing', lag: 0 },
  { name: 'Tandartsenpraktijk Zuid', employeeCount: 55, market: 'B2C', culture: 'INFORMAL', locations: 3, departments: ['MARKETING', 'CUSTOMER_SERVICE', 'MANAGEMENT'], sector: 'Dental care', lag: 0 },
  { name: 'Veldhoven Installatietechniek', employeeCount: 180, market: 'B2B', culture: 'HIERARCHICAL', locations: 2, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'IT', 'HR'], sector: 'Installation', lag: 0 },
  { name: 'Stadsschouwburg Oost', employeeCount: 95, market: 'B2C', culture: 'MIXED', locations: 1, departments: ['MARKETING', 'PR', 'CUSTOMER_SERVICE', 'OTHER'], sector: 'Theatre', lag: 1 },
  { name: 'Koffiebranderij Aroma', employeeCount: 60, market: 'MIXED', culture: 'INFORMAL', locations: 4, departments: ['MARKETING', 'SALES', 'CUSTOMER_SERVICE', 'PRODUCT'], sector: 'Food production', lag: 0 },
  { name: 'Woonstichting Het Anker', employeeCount: 230, market: 'B2C', culture: 'HIERARCHICAL', locations: 3, departments: ['CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'HR', 'IT', 'LEGAL', 'MANAGEMENT'], sector: 'Housing', lag: 0 },
  { name: 'Bureau Kompas Advies', employeeCount: 120, market: 'B2B', culture: 'INFORMAL', locations: 2, departments: ['MARKETING', 'SALES', 'PR', 'MANAGEMENT'], sector: 'Consultancy', lag: 1 },
  { name: 'Sportcentrum De Vaart', employeeCount: 80, market: 'B2C', culture: 'MIXED', locations: 2, departments: ['MARKETING', 'CUSTOMER_SERVICE', 'HR', 'MANAGEMENT'], sector: 'Sports', lag: 0 },
];
/** Which of the six periods a peer organisation submits: the first and the last. */
export const PEER_PERIODS = [0, PERIODS - 1];

export const FIRST_NAMES = ['Anouk', 'Bram', 'Chantal', 'Daan', 'Eva', 'Femke', 'Gijs', 'Hanna', 'Imane', 'Jeroen', 'Kim', 'Lars', 'Maud', 'Nina', 'Omar', 'Pieter', 'Roos', 'Sanne', 'Thijs', 'Yara'];
export const LAST_NAMES = ['Bakker', 'Jansen', 'de Boer', 'Visser', 'Smit', 'Mulder', 'Bos', 'Peters', 'Hendriks', 'Dekker', 'El Amrani', 'van Leeuwen', 'Kok', 'Vos'];

export const INITIATIVE_TEMPLATES: { name: string; owner: Department; fallback: Department }[] = [
  { name: 'LinkedIn thought leadership', owner: 'MARKETING', fallback: 'CORPORATE_COMMUNICATIONS' },
  { name: 'Webcare: customer service on social', owner: 'CUSTOMER_SERVICE', fallback: 'MARKETING' },
  { name: 'Instagram campaigns', owner: 'MARKETING', fallback: 'PR' },
  { name: 'Employer branding', owner: 'HR', fallback: 'CORPORATE_COMMUNICATIONS' },
  { name: 'Employee advocacy programme', owner: 'CORPORATE_COMMUNICATIONS', fallback: 'MARKETING' },
  { name: 'Social selling pilot', owner: 'SALES', fallback: 'MARKETING' },
  { name: 'Customer community', owner: 'CUSTOMER_SERVICE', fallback: 'MARKETING' },
  { name: 'Reputation monitoring', owner: 'PR', fallback: 'CORPORATE_COMMUNICATIONS' },
];

/** Who usually owns a task when no team member does. */
export const DEPARTMENT_OWNER: Record<Responsibility, Department[]> = {
  CHANNEL_MANAGEMENT: ['MARKETING', 'CORPORATE_COMMUNICATIONS'],
  CONTENT_MARKETING: ['MARKETING', 'CORPORATE_COMMUNICATIONS'],
  AUDIENCE_ENGAGEMENT: ['CUSTOMER_SERVICE', 'MARKETING'],
  REPUTATION_MANAGEMENT: ['PR', 'CORPORATE_COMMUNICATIONS', 'MARKETING'],
  INTERNAL_REPORTING: ['CORPORATE_COMMUNICATIONS', 'MARKETING'],
  POLICY_ROLE_MODEL: ['CORPORATE_COMMUNICATIONS', 'HR', 'MANAGEMENT'],
  TOOLING: ['IT', 'MARKETING'],
  KNOWLEDGE_SHARING: ['HR', 'CORPORATE_COMMUNICATIONS', 'MARKETING'],
  COMMUNITY_MANAGEMENT: ['CUSTOMER_SERVICE', 'MARKETING'],
};

/** The usual order in which organisations take on the nine tasks. */
export const ADOPTION_ORDER: Responsibility[] = [
  'CHANNEL_MANAGEMENT',
  'CONTENT_MARKETING',
  'AUDIENCE_ENGAGEMENT',
  'REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING',
  'TOOLING',
  'POLICY_ROLE_MODEL',
  'KNOWLEDGE_SHARING',
  'COMMUNITY_MANAGEMENT',
];

export const FAILURE_POOL: FailureFactor[] = ['NO_STRATEGY', 'NO_BUDGET', 'NO_TIME', 'NO_SKILLS', 'NO_MEASUREMENT', 'UNCLEAR_OWNERSHIP'];

// ---- what each client draws once, and its state in each period -------------------------------------------------
