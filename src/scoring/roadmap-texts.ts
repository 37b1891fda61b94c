import type { Department, Responsibility } from './domain';
import { fillPlaceholders } from './placeholders';
import { firstLiveInitiative, inHouseOwnerDepartment, type MoveChoice, type RoadmapMove } from './roadmap';
import type { ScoringInputs } from './types';

/**
 * The texts of the roadmap in one language. Move texts may hold the placeholders {responsibility},
 * {department}, {owner} (the in-house owner department) and {initiative} (the first live initiative's name).
 * A second language is a second value of this type.
 */
export interface RoadmapTexts {
  readonly moves: Readonly<Record<RoadmapMove, string>>;
  readonly responsibilities: Readonly<Record<Responsibility, string>>;
  readonly departments: Readonly<Record<Department, string>>;
}

/** A step described without language: the text key (the move) and its parameters as codes or names. */
export interface StepDescription {
  key: RoadmapMove;
  /** responsibility and department as contract codes, owner as a Department code, initiative as its name. */
  params: Readonly<Record<string, string>>;
  /** The text in the language of the texts table used. */
  text: string;
}

export const ROADMAP_TEXTS_EN: RoadmapTexts = {
  moves: {
    ASSIGN_OWNER:
      'Make {owner} the owner of {responsibility}: nobody owns it yet, and a responsibility without an owner ' +
      'is work nobody does.',
    INSOURCE:
      'Bring {responsibility} in-house with {owner} as its owner: the agency can keep helping, but the ' +
      "organisation's own knowledge and voice belong in charge.",
    SALES_OWNS_ENGAGEMENT:
      'Give Sales ownership of audience engagement: Sales knows the customers, and involving Sales is where ' +
      'social media starts to bring leads and sales.',
    ADD_SALES_MEMBER:
      'Bring a Sales colleague into the social media team, so the team knows what customers ask and can turn ' +
      'conversations into leads.',
    ADD_MEMBER_FROM_DEPARTMENT:
      'Add a colleague from {department} to the social media team, so the team mirrors the organisation and ' +
      'reaches its knowledge and audiences.',
    ADD_BUSINESS_KPI:
      'Give "{initiative}" a business KPI, such as leads from social media, so you can tell whether social ' +
      'media delivers business results.',
    REPORT_MONTHLY:
      'Report on the results every month: regular reporting of business KPIs keeps management on board and ' +
      'shows what works.',
    ADOPT_POLICY:
      'Adopt a social media policy with guidelines, so everyone knows what is expected of them on social media.',
    LIVE_THE_POLICY:
      'Live the social media policy as an example: the team and management show how the guidelines work in ' +
      'practice.',
    CRISIS_PLAN:
      'Write a crisis plan for social media: who responds, how fast and with which authority when things go ' +
      'wrong online.',
    MONITORING:
      'Monitor social media for mentions of the organisation, so you hear about questions, complaints and ' +
      'incidents in time.',
    TRAIN_TEAM:
      "Train the team: raise each in-house member's insight, experience and affinity with social media by " +
      'a step.',
  },
  responsibilities: {
    CHANNEL_MANAGEMENT: 'channel management',
    CONTENT_MARKETING: 'content marketing',
    AUDIENCE_ENGAGEMENT: 'audience engagement',
    REPUTATION_MANAGEMENT: 'reputation management',
    INTERNAL_REPORTING: 'internal reporting',
    POLICY_ROLE_MODEL: 'the policy role model',
    TOOLING: 'tooling',
    KNOWLEDGE_SHARING: 'knowledge sharing',
    COMMUNITY_MANAGEMENT: 'community management',
  },
  departments: {
    MARKETING: 'Marketing',
    SALES: 'Sales',
    PR: 'PR',
    CORPORATE_COMMUNICATIONS: 'Corporate Communications',
    CUSTOMER_SERVICE: 'Customer Service',
    HR: 'HR',
    IT: 'IT',
    LEGAL: 'Legal',
    PRODUCT: 'Product',
    MANAGEMENT: 'Management',
    OTHER: 'another department',
  },
};

/**
 * Describes a roadmap step. `inputs` are the inputs the roadmap started from: the in-house owner and the first
 * live initiative depend only on the departments and the initiatives, which no move changes, so they are the same
 * at every step.
 */
export function describeStep(
  step: MoveChoice,
  inputs: ScoringInputs,
  texts: RoadmapTexts = ROADMAP_TEXTS_EN,
): StepDescription {
  const params: Record<string, string> = {};
  const labels: Record<string, string> = {};
  if (step.responsibility) {
    params.responsibility = step.responsibility;
    labels.responsibility = texts.responsibilities[step.responsibility];
  }
  if (step.department) {
    params.department = step.department;
    labels.department = texts.departments[step.department];
  }
  if (step.move === 'ASSIGN_OWNER' || step.move === 'INSOURCE') {
    const owner = inHouseOwnerDepartment(inputs);
    if (owner) {
      params.owner = owner;
      labels.owner = texts.departments[owner];
    }
  }
  if (step.move === 'ADD_BUSINESS_KPI') {
    const initiative = firstLiveInitiative(inputs);
    if (initiative) {
      params.initiative = initiative.name;
      labels.initiative = initiative.name;
    }
  }
  return { key: step.move, params, text: capitalise(fillPlaceholders(texts.moves[step.move], labels)) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
