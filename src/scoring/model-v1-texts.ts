import type { FailureFactor, FindingCode, Responsibility } from './domain';
import type { FailureFactorText, FindingDefinition, ResponsibilityText } from './model';

/**
 * The findings of social-maturity/v1: severity, dimension and texts, grounded in the Ragan/NASDAQ survey
 * ("Structuring a Social Media Team", 2012) and the article discussing it (see docs/methodology.md).
 */
export const FINDINGS_V1: Readonly<Record<FindingCode, FindingDefinition>> = {
  NO_TEAM_WHERE_NEEDED: {
    severity: 'CRITICAL',
    dimension: 'TEAM_COMPOSITION',
    message:
      'There is no in-house social media team, while an organisation of this size, structure or culture needs ' +
      'one to get concrete results and to grow toward a Social Business.',
    recommendation:
      'Form a social media team of in-house staff, chosen first for their insight, experience and affinity ' +
      'with social media, and let it settle who does what and who is responsible.',
  },
  TEAM_OPTIONAL: {
    severity: 'INFO',
    dimension: 'TEAM_COMPOSITION',
    message:
      'There is no in-house social media team. A small organisation with an informal culture and short lines ' +
      'usually reacts fast enough without one.',
    recommendation:
      'No team is needed yet, but do make clear who does what on social media. Reconsider a team when the ' +
      'organisation grows, adds departments or locations, or becomes more formal.',
  },
  MARKETING_ONLY_TEAM: {
    severity: 'MEDIUM',
    dimension: 'TEAM_COMPOSITION',
    message:
      "Every in-house team member comes from Marketing. Social media is not Marketing's private domain, even " +
      'though Marketing leads in about half of the organisations.',
    recommendation:
      'Add members from other departments, such as Sales, Customer Service, PR or HR, so the team mirrors the ' +
      'organisation and reaches its knowledge and its audiences.',
  },
  SALES_NOT_INVOLVED: {
    severity: 'MEDIUM',
    severityByMarket: { B2B: 'HIGH' },
    dimension: 'SALES_INVOLVEMENT',
    message:
      'Sales is not involved in social media: no in-house team member comes from Sales, and Sales owns no ' +
      'responsibility and leads no live initiative. That is a missed chance, above all in B2B.',
    recommendation:
      'Bring a Sales colleague into the team, and give Sales ownership of audience engagement or of an ' +
      'initiative aimed at leads and sales.',
  },
  FULLY_OUTSOURCED: {
    severity: 'HIGH',
    dimension: 'OUTSOURCING',
    message:
      'Social media is fully outsourced: the agency owns every assigned responsibility and runs every live ' +
      'initiative. Hardly any organisation does this (3% in the survey), and for good reason: the knowledge ' +
      'and the voice of the organisation stay outside.',
    recommendation:
      'Bring the core back in-house: own reputation management, internal reporting and the policy role model ' +
      'yourselves, and let the agency support the team rather than replace it.',
  },
  REPUTATION_OUTSOURCED: {
    severity: 'MEDIUM',
    dimension: 'OUTSOURCING',
    message:
      'Reputation management, including monitoring and crisis management, is owned by the agency. In a crisis ' +
      'the organisation itself has to respond, quickly and with authority.',
    recommendation:
      'Make an in-house team member or department the owner of reputation management; the agency can keep ' +
      'doing monitoring work under that owner.',
  },
  NO_KPIS: {
    severity: 'MEDIUM',
    dimension: 'MEASUREMENT',
    message: 'The live initiatives carry no KPI, so nobody can tell whether social media delivers.',
    recommendation:
      'Give every live initiative at least one KPI tied to a business result (leads, sales, customer ' +
      'satisfaction) or to engagement, and report on it regularly.',
  },
  VANITY_METRICS_ONLY: {
    severity: 'HIGH',
    dimension: 'MEASUREMENT',
    message:
      'Success is measured only with vanity metrics such as follower counts and likes, which say nothing about ' +
      'results. In the survey 86% count followers and likes, while only 31% measure sales.',
    recommendation:
      'Add engagement KPIs (interactions, responses) and business KPIs (leads, sales, customer satisfaction) ' +
      'to the live initiatives, and report on them at least monthly.',
  },
  LOW_SATISFACTION: {
    severity: 'MEDIUM',
    dimension: 'SATISFACTION',
    message:
      'Satisfaction with the results of social media is low. The organisation is not alone: only 5% of the ' +
      'surveyed organisations are highly satisfied, and 27% not at all.',
    recommendation:
      'Find out why results disappoint: set a clear goal per initiative, measure what matters to the business, ' +
      'and discuss the results with management in the internal reports.',
  },
  UNCOVERED_RESPONSIBILITY: {
    severity: 'MEDIUM',
    dimension: 'RESPONSIBILITY_COVERAGE',
    message: 'Nobody owns {responsibility} ({task}), so it is done by chance or not at all.',
    recommendation:
      'Assign {responsibility} to a team member or a department, so it is clear who does what and who is ' +
      'responsible.',
  },
  NO_POLICY: {
    severity: 'MEDIUM',
    dimension: 'GOVERNANCE',
    message:
      'There is no social media policy, so staff lack guidelines for using social media on behalf of, or ' +
      'about, the organisation.',
    recommendation:
      'Write a social media policy with practical guidelines, and let the team live it as an example.',
  },
  NO_CRISIS_PLAN: {
    severity: 'HIGH',
    dimension: 'GOVERNANCE',
    message:
      'There is no crisis plan for social media: a complaint or incident that spreads online meets an ' +
      'improvised response.',
    recommendation:
      'Draw up a social media crisis plan (who decides, who responds, how fast and with which message) and ' +
      'rehearse it with whoever owns reputation management.',
  },
  NO_MONITORING: {
    severity: 'MEDIUM',
    dimension: 'GOVERNANCE',
    message:
      'Social media is not monitored, so the organisation does not hear what is said about it and notices ' +
      'trouble late.',
    recommendation:
      'Monitor mentions, questions and sentiment, make it part of reputation management, and have tooling ' +
      'evaluate suitable monitoring software.',
  },
  WEAK_MANAGEMENT_SUPPORT: {
    severity: 'MEDIUM',
    dimension: 'GOVERNANCE',
    message:
      'Senior management gives social media little support. Without it, social media work lacks time, budget ' +
      'and priority.',
    recommendation:
      'Win management over with internal reports on progress, successes and failures tied to business results, ' +
      'and ask a senior manager to sponsor the team.',
  },
  RECURRING_FAILURE_FACTOR: {
    severity: 'LOW',
    dimension: null,
    message:
      '{count} initiatives name {factor} as a reason they fail or struggle. Many factors make social media ' +
      'projects fail; one that recurs points at a structural cause.',
    recommendation: 'Tackle {factor} once, for all initiatives: {advice}',
  },
};

export const RESPONSIBILITY_TEXTS_V1: Readonly<Record<Responsibility, ResponsibilityText>> = {
  CHANNEL_MANAGEMENT: {
    label: 'channel management',
    task: 'claiming, optimising, maintaining and integrating the social channels',
  },
  CONTENT_MARKETING: {
    label: 'content marketing',
    task: 'collecting, creating and sharing relevant, good content',
  },
  AUDIENCE_ENGAGEMENT: {
    label: 'audience engagement',
    task: 'interacting with the target audiences: sharing, asking and responding',
  },
  REPUTATION_MANAGEMENT: {
    label: 'reputation management',
    task: 'managing the online reputation, including monitoring and crisis management',
  },
  INTERNAL_REPORTING: {
    label: 'internal reporting',
    task: 'reporting internally on progress, successes and failures',
  },
  POLICY_ROLE_MODEL: {
    label: 'the policy role model',
    task: 'living the social media policy and guidelines as an example',
  },
  TOOLING: {
    label: 'tooling',
    task: 'evaluating and buying software such as intranet, monitoring and automation tools',
  },
  KNOWLEDGE_SHARING: {
    label: 'knowledge sharing',
    task: 'sharing knowledge and experience internally to build awareness and support',
  },
  COMMUNITY_MANAGEMENT: {
    label: 'community management',
    task: 'facilitating and running the online communities',
  },
};

export const FAILURE_FACTOR_TEXTS_V1: Readonly<Record<FailureFactor, FailureFactorText>> = {
  NO_STRATEGY: {
    label: 'the lack of a strategy',
    advice:
      "write a social media strategy with goals derived from the organisation's goals, and test every initiative against it.",
  },
  NO_BUDGET: {
    label: 'the lack of budget',
    advice: 'budget social media per year instead of per initiative, and show its return with business KPIs.',
  },
  NO_TIME: {
    label: 'the lack of time',
    advice: "make social media part of the team members' tasks instead of work on top of their other duties.",
  },
  NO_MANAGEMENT_SUPPORT: {
    label: 'the lack of management support',
    advice: 'find a senior sponsor and report progress, successes and failures to management regularly.',
  },
  NO_SKILLS: {
    label: 'the lack of skills',
    advice:
      'train the team, pick members for insight, experience and affinity, and share knowledge internally.',
  },
  NO_MEASUREMENT: {
    label: 'the lack of measurement',
    advice:
      'agree on KPIs before an initiative starts, and measure business results rather than follower counts.',
  },
  UNCLEAR_OWNERSHIP: {
    label: 'unclear ownership',
    advice: 'settle who does what: give every responsibility and every initiative exactly one owner.',
  },
  OTHER: {
    label: 'another factor',
    advice: 'name the common cause together with the initiatives concerned and agree on one remedy.',
  },
};
