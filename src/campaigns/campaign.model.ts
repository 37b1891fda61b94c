import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql';
import { AnswerItemEnum, DepartmentEnum } from '../graphql';
import type { AnswerItem, Department } from '../scoring';
import type { StoredAggregate } from './campaign-aggregate';

export const CAMPAIGN_STATUSES = ['OPEN', 'CLOSED', 'EXPIRED', 'CANCELLED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CampaignStatusEnum = Object.fromEntries(CAMPAIGN_STATUSES.map((s) => [s, s])) as {
  [K in CampaignStatus]: K;
};
registerEnumType(CampaignStatusEnum, {
  name: 'CampaignStatus',
  description: 'Where a campaign stands.',
  valuesMap: {
    OPEN: { description: 'Collecting responses until it is closed or its closing time passes.' },
    CLOSED: { description: "Closed with enough responses: its aggregate is the period's assessment." },
    EXPIRED: { description: 'Its closing time passed with fewer than minResponses responses: no assessment.' },
    CANCELLED: { description: 'Cancelled by hand: no assessment; its links stop working.' },
  },
});

export const ASSESSMENT_SOURCES = ['SUBMISSION', 'CAMPAIGN'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];
export const AssessmentSourceEnum = Object.fromEntries(ASSESSMENT_SOURCES.map((s) => [s, s])) as {
  [K in AssessmentSource]: K;
};
registerEnumType(AssessmentSourceEnum, {
  name: 'AssessmentSource',
  description: 'Where the answers of an assessment came from.',
  valuesMap: {
    SUBMISSION: { description: 'One set of answers, submitted with submitAssessment.' },
    CAMPAIGN: { description: "A campaign's aggregate of several respondents' answers." },
  },
});

@ObjectType('ValueCount', { description: 'How many responses gave one value of an item.' })
export class ValueCount {
  @Field({ description: 'As the answer would be given: "1".."5", "true"/"false", a cadence.' })
  value!: string;

  @Field(() => Int, { description: 'Responses with this value.' })
  count!: number;
}

@ObjectType('ItemAggregate', { description: "One questionnaire item over a campaign's responses." })
export class ItemAggregate {
  @Field(() => AnswerItemEnum, { description: 'The item.' })
  item!: AnswerItem;

  @Field({ description: 'The aggregate as the answer would be given: "3.5", "true", "MONTHLY".' })
  value!: string;

  @Field(() => Float, { description: '0 (all agree) to 1.' })
  disagreement!: number;

  @Field({ description: 'At least two responses and a disagreement of at least 0.5.' })
  contested!: boolean;

  @Field(() => Int, { description: 'Responses aggregated.' })
  responses!: number;

  @Field(() => [ValueCount], { description: 'Every value the item can take with its count, in a fixed order.' })
  distribution!: ValueCount[];
}

@ObjectType('DepartmentAggregate', {
  description:
    'The items over the responses of one department; only groups of at least 3 responses are shown (smaller ' +
    'departments are merged into OTHER, shown only when that group too has at least 3).',
})
export class DepartmentAggregate {
  @Field(() => DepartmentEnum, { description: 'The department; OTHER is the merged group.' })
  department!: Department;

  @Field(() => Int, { description: 'Responses in the group.' })
  responses!: number;

  @Field(() => [ItemAggregate], { description: 'The items over the group, in contract order.' })
  items!: ItemAggregate[];
}

@ObjectType('Campaign', {
  description: 'Several respondents answering the questionnaire for one period; closing scores their aggregate.',
})
export class Campaign {
  @Field(() => ID, { description: 'The campaign id.' })
  id!: string;

  /** The tenant the campaign belongs to (a portfolio entry's campaign may be another tenant's than the selected). */
  tenantId!: string;

  @Field({ description: 'The period the aggregate is assessed for, e.g. "2026-Q4".' })
  period!: string;

  @Field(() => CampaignStatusEnum, { description: 'Where the campaign stands.' })
  status!: CampaignStatus;

  @Field(() => GraphQLISODateTime, { description: 'When the service closes it (or marks it EXPIRED).' })
  closesAt!: Date;

  @Field(() => Int, { description: 'Responses needed to close it with an assessment.' })
  minResponses!: number;

  @Field(() => Int, {
    description: 'Respondents: people invited with a link, and members who answered with their login without one.',
  })
  invitedCount!: number;

  @Field(() => Int, { description: 'Respondents who answered (each counts once: the last answer counts).' })
  responseCount!: number;

  @Field(() => GraphQLISODateTime, { description: 'When it was opened.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was closed, expired or cancelled.' })
  endedAt!: Date | null;

  @Field(() => Int, { description: 'Optimistic concurrency: pass it as expectedVersion to close or cancel.' })
  version!: number;

  /** The period's assessment scored from it, once CLOSED. */
  assessmentId!: string | null;

  /** What it was closed with (never a single response); null while OPEN. */
  aggregate?: StoredAggregate | null;
}

export const CampaignConnection = ConnectionType(Campaign, 'Campaign');

@ObjectType('RespondentLink', { description: "An invited respondent and their response link's token (shown once)." })
export class RespondentLink {
  @Field({ description: 'Where the invitation went.' })
  email!: string;

  @Field(() => DepartmentEnum, { description: "The respondent's department." })
  department!: Department;

  @Field({ description: 'An agency person rather than staff.' })
  external!: boolean;

  @Field({
    description:
      'The response link\'s token, shown only here and only once: the link is <PUBLIC_URL>/respond/<token>. Empty ' +
      'when the invitation was mailed (then only the respondent has it).',
  })
  token!: string;

  @Field({ description: 'True when the link went out by email (SMTP_URL configured).' })
  mailed!: boolean;
}

@ObjectType('RespondentView', {
  description: 'What a response link reveals: the organisation, the period and the closing time, nothing more.',
})
export class RespondentView {
  @Field({ description: "The organisation's name." })
  organisationName!: string;

  @Field({ description: 'The period asked about.' })
  period!: string;

  @Field(() => GraphQLISODateTime, { description: 'Until when answers are taken.' })
  closesAt!: Date;

  @Field({ description: 'Whether this link has answered already (answering again replaces it).' })
  answered!: boolean;

  @Field({ description: 'Whether answers are still taken.' })
  open!: boolean;
}
