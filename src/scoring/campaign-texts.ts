import type { AnswerItem, CampaignFindingCode } from './campaign-domain';

export interface CampaignFindingText {
  readonly message: string;
  readonly recommendation: string;
}

/**
 * The texts of the campaign findings in one language. Texts may hold placeholders: {item}
 * (RESPONDENTS_DISAGREE), {responses} and {invited} (LOW_RESPONSE_RATE).
 */
export interface CampaignTexts {
  readonly findings: Readonly<Record<CampaignFindingCode, CampaignFindingText>>;
  /** How an item is named inside a sentence, e.g. "senior management's support". */
  readonly items: Readonly<Record<AnswerItem, string>>;
}

/** English. A Dutch table of the same shape comes with the language work. */
export const CAMPAIGN_TEXTS_EN: CampaignTexts = {
  findings: {
    RESPONDENTS_DISAGREE: {
      message:
        'Respondents disagree about {item}. Marketing, Sales and management rarely see the same organisation, ' +
        'and here their answers lie far apart, so the aggregate hides views that differ.',
      recommendation:
        'Discuss {item} with the respondents: find out what each group sees, agree on the facts, and make the ' +
        'practice known to everyone it concerns.',
    },
    SALES_NOT_HEARD: {
      message:
        'No response comes from Sales, although the organisation has a Sales department. Its view of social ' +
        'media is missing, and Sales is the department most often left out.',
      recommendation:
        'Invite colleagues from Sales to the next campaign, and ask them how social media could support leads ' +
        'and customer contact.',
    },
    SINGLE_DEPARTMENT_VIEW: {
      message:
        'Every response comes from one department, while the organisation has three or more. The assessment ' +
        "shows that department's view, not the organisation's.",
      recommendation:
        'Invite respondents from the other departments as well, so the assessment reflects the whole ' +
        'organisation.',
    },
    LOW_RESPONSE_RATE: {
      message:
        'Only {responses} of the {invited} invited respondents answered, fewer than half. The views of those who ' +
        'did not answer are missing.',
      recommendation:
        'Remind the invited respondents before the campaign closes, explain why their view matters and that ' +
        'their answers stay anonymous.',
    },
  },
  items: {
    OVERALL_SATISFACTION: 'the overall satisfaction with the results of social media',
    MANAGEMENT_SUPPORT: "senior management's support for social media",
    HAS_POLICY: 'whether there is a social media policy',
    POLICY_ROLE_MODEL: 'how well the team lives the social media policy as an example',
    HAS_CRISIS_PLAN: 'whether there is a crisis plan for social media',
    HAS_MONITORING: 'whether social media are monitored',
    REPORTING_CADENCE: 'how often results are reported internally',
    COMMUNITY_APPLICABLE: 'whether online communities apply to the organisation',
  },
};
