import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveySatisfaction', {
  description: 'Satisfaction with the results of social media, % of respondents.',
})
export class SurveySatisfaction {
  @Field(() => Float, { description: 'Highly satisfied with the results (only 5%).' })
  highlySatisfied!: number;
  @Field(() => Float, { description: 'Satisfied.' }) satisfied!: number;
  @Field(() => Float, { description: 'Somewhat satisfied.' }) somewhat!: number;
  @Field(() => Float, { description: 'Not at all satisfied.' }) notAtAll!: number;
}

@ObjectType('SurveyMeasured', {
  description: 'What success is measured with, % of respondents (several answers each).',
})
export class SurveyMeasured {
  @Field(() => Float, { description: 'Followers and likes: counted most, meaning least.' })
  followersLikes!: number;
  @Field(() => Float, { description: 'Web traffic.' }) webTraffic!: number;
  @Field(() => Float, { description: 'Reputation.' }) reputation!: number;
  @Field(() => Float, { description: 'Customer satisfaction.' }) customerSatisfaction!: number;
  @Field(() => Float, { description: 'Leads.' }) leads!: number;
  @Field(() => Float, { description: 'Sales.' }) sales!: number;
}

@ObjectType('SurveySetUp', { description: 'How social media work is organised, % of respondents.' })
export class SurveySetUp {
  @Field(() => Float, { description: 'A dedicated social media team.' }) dedicatedTeam!: number;
  @Field(() => Float, { description: 'Social media on top of other duties.' }) onTopOfOtherDuties!: number;
  @Field(() => Float, { description: 'A team working with an agency.' }) hybridWithAgency!: number;
  @Field(() => Float, { description: 'Fully outsourced to an agency (hardly happens).' })
  fullyOutsourced!: number;
}

@ObjectType('SurveyTeamSize', { description: 'People working on social media, % of respondents.' })
export class SurveyTeamSize {
  @Field(() => Float, { description: 'One person.' }) onePerson!: number;
  @Field(() => Float, { description: 'Two or three people.' }) twoToThree!: number;
  @Field(() => Float, { description: 'Four to six people.' }) fourToSix!: number;
  @Field(() => Float, { description: 'More than six people.' }) moreThanSix!: number;
}

@ObjectType('SurveyDepartments', {
  description: 'Departments involved in social media, % of respondents (several answers each).',
})
export class SurveyDepartments {
  @Field(() => Float, { description: 'Marketing (leads in about half of the cases).' }) marketing!: number;
  @Field(() => Float, { description: 'Public relations.' }) pr!: number;
  @Field(() => Float, { description: 'Corporate communications.' }) corporateCommunications!: number;
  @Field(() => Float, { description: 'Advertising.' }) advertising!: number;
  @Field(() => Float, { description: 'Customer service.' }) customerService!: number;
  @Field(() => Float, { description: 'IT.' }) it!: number;
  @Field(() => Float, { description: 'Legal.' }) legal!: number;
  @Field({
    description:
      'False: Sales does not appear among the departments involved (a missed chance, above all in B2B).',
  })
  salesMentioned!: boolean;
}

@ObjectType('SurveyManagementSupport', { description: 'Support from senior management, % of respondents.' })
export class SurveyManagementSupport {
  @Field(() => Float, { description: 'Very supportive.' }) verySupportive!: number;
  @Field(() => Float, { description: 'Somewhat supportive.' }) somewhat!: number;
  @Field(() => Float, { description: 'Indifferent.' }) indifferent!: number;
  @Field(() => Float, { description: 'Not supportive.' }) notSupportive!: number;
}

@ObjectType('SurveySelfRated', { description: "Respondents' own rating of their social media maturity, %." })
export class SurveySelfRated {
  @Field(() => Float, { description: 'Advanced.' }) advanced!: number;
  @Field(() => Float, { description: 'Intermediate.' }) intermediate!: number;
  @Field(() => Float, { description: 'Beginner.' }) beginner!: number;
}

@ObjectType('SurveyPriors', {
  description:
    'The figures of the 2012 survey "Structuring a Social Media Team" (Ragan / NASDAQ OMX, 2,714 respondents): ' +
    'the reference while the peer group is too small.',
})
export class SurveyPriors {
  @Field({ description: 'SURVEY_2012.' }) source!: string;
  @Field({ description: 'The survey and who ran it.' }) title!: string;
  @Field(() => Int, { description: 'When it was held.' }) year!: number;
  @Field(() => Int, { description: 'How many answered it.' }) respondents!: number;
  @Field(() => SurveySatisfaction, { description: 'Satisfaction with the results.' })
  satisfaction!: SurveySatisfaction;
  @Field(() => SurveyMeasured, { description: 'What success is measured with.' }) measured!: SurveyMeasured;
  @Field(() => SurveySetUp, { description: 'How social media work is organised.' }) setUp!: SurveySetUp;
  @Field(() => SurveyTeamSize, { description: 'How many people do it.' }) teamSize!: SurveyTeamSize;
  @Field(() => SurveyDepartments, { description: 'Which departments take part.' })
  departments!: SurveyDepartments;
  @Field(() => SurveyManagementSupport, { description: 'How senior management supports it.' })
  managementSupport!: SurveyManagementSupport;
  @Field(() => SurveySelfRated, { description: 'How respondents rate their own maturity.' })
  selfRated!: SurveySelfRated;
}

@ObjectType('BenchmarkRelease', {
  description:
    "The size band's release of the day (UTC): its quartiles, each drawn with the exponential mechanism of " +
    'differential privacy over the grid 0.0, 0.1, ..., 100.0 from the latest overall scores of the eligible tenants ' +
    '(two current assessments submitted 60+ days apart). Every tenant of the band reads the same release all day.',
})
export class BenchmarkRelease {
  @Field(() => Float, {
    description: '25th percentile of the band, differentially private (a multiple of 0.1).',
  })
  p25!: number;
  @Field(() => Float, {
    description: '50th percentile (median), differentially private (a multiple of 0.1).',
  })
  p50!: number;
  @Field(() => Float, { description: '75th percentile, differentially private (a multiple of 0.1).' })
  p75!: number;
  @Field({ description: 'When the release was made (the first read of the day in the band).' })
  releasedAt!: Date;
  @Field(() => Float, { description: 'Privacy budget of the whole release: 1/3 for each quartile.' })
  epsilon!: number;
}

@ObjectType('Benchmark', {
  description:
    "The tenant's place in its size band: its latest overall score placed against the band's daily differentially " +
    'private release (source RELEASE), or, while fewer than minimumPeers tenants of the band are eligible, the 2012 ' +
    'survey figures (source SURVEY_2012). Never a statistic computed per request.',
})
export class Benchmark {
  @Field({ description: 'Employees: 1-49, 50-249, 250-999 or 1000+.' })
  sizeBand!: string;

  @Field(() => Int, {
    description:
      "The release's eligible tenants of the band (this one included when eligible), rounded down to a multiple " +
      'of 5. 0 without a release.',
  })
  peerCount!: number;

  @Field(() => Float, {
    nullable: true,
    deprecationReason:
      "Always null: an exact percentile over live peers revealed a peer's score. Use quarter and release.",
    description: 'No longer computed (always null).',
  })
  percentile!: number | null;

  @Field({
    description:
      "RELEASE: placed against the day's release; SURVEY_2012: too few eligible tenants, the survey serves.",
  })
  source!: string;

  @Field(() => Int, { description: 'Eligible tenants a band needs before a release is made.' })
  minimumPeers!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The tenant's latest overall score (period order), the one placed.",
  })
  ownScore!: number | null;

  @Field(() => BenchmarkRelease, {
    nullable: true,
    description: "The band's release of the day; null below minimumPeers.",
  })
  release!: BenchmarkRelease | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The quarter of the release the latest score falls in: 1 below p25, 2 from p25, 3 from p50, 4 from p75 (a ' +
      'score equal to a quartile counts in the quarter above). Null without a release or without an assessment.',
  })
  quarter!: number | null;

  @Field(() => SurveyPriors, {
    nullable: true,
    description: 'The survey figures, when source is SURVEY_2012.',
  })
  survey!: SurveyPriors | null;
}
