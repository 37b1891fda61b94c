import { Args, Float, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { periodMonths, periodStart } from '../scoring';
import type { Connection } from '../graphql';
import { Access } from '../tenancy';
import { ALL_ROLES, EDITORS } from '../common/roles';
import { AssessmentReader } from './assessment-reader';
import { Assessment, AssessmentConnection, type AssessmentSummary } from './assessment.model';
import { AssessmentsService } from './assessments.service';
import { AssessmentAnswersInput } from './dto/assessment-answers.input';
import { AssessmentsArgs } from './dto/assessments.args';
import { SubmitAssessmentInput } from './dto/submit-assessment.input';

@Resolver(() => Assessment)
export class AssessmentsResolver {
  constructor(
    private readonly service: AssessmentsService,
    private readonly reader: AssessmentReader,
  ) {}

  @Mutation(() => Assessment, {
    description:
      "Freezes the tenant's current facts with the answers, scores them with the current model and stores the " +
      'result. A replay with the same idempotency key and body returns the first result.',
  })
  @Access.tenant(EDITORS)
  @Audited.result()
  submitAssessment(
    @Args('input', { description: 'The period, the answers and an idempotency key.' })
    input: SubmitAssessmentInput,
  ): Promise<Assessment> {
    return this.service.submit(input);
  }

  @Query(() => Assessment, {
    nullable: true,
    description: "One of the selected tenant's assessments, or null.",
  })
  @Access.tenant(ALL_ROLES)
  assessment(
    @Args('id', { type: () => ID, description: 'An assessment id of the selected tenant.' }) id: string,
  ): Promise<Assessment | null> {
    return this.service.get(id);
  }

  @Query(() => AssessmentConnection, {
    description: "The selected tenant's assessments, latest period first (period order, then submission time).",
  })
  @Access.tenant(ALL_ROLES)
  assessments(@Args() args: AssessmentsArgs): Promise<Connection<Assessment>> {
    return this.service.list(args);
  }

  @Query(() => Assessment, {
    description: "Scores the tenant's current facts with these answers; stores nothing.",
  })
  @Access.tenant(ALL_ROLES)
  scorePreview(
    @Args('answers', { description: 'The questionnaire answers to score the current facts with.' })
    answers: AssessmentAnswersInput,
  ): Promise<Assessment> {
    return this.service.preview(answers);
  }

  @ResolveField(() => GraphQLISODateTime, {
    description:
      "The first day of the period (UTC midnight): the x of growth trends and the first key of period order.",
  })
  periodStart(@Parent() assessment: AssessmentSummary): Date {
    return periodStart(assessment.period);
  }

  @ResolveField(() => Int, {
    description: 'The length of the period in months: 1, 3, 6 or 12 (the shorter period comes first in period order).',
  })
  periodMonths(@Parent() assessment: AssessmentSummary): number {
    return periodMonths(assessment.period);
  }

  @ResolveField(() => Assessment, {
    nullable: true,
    description:
      'The current assessment before this one in period order; for a preview, the latest stored one.',
  })
  previous(@Parent() assessment: AssessmentSummary): Promise<AssessmentSummary | null> {
    return this.reader.previous(assessment);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Overall score minus the previous overall score, unrounded; null without a previous one.',
  })
  async delta(@Parent() assessment: AssessmentSummary): Promise<number | null> {
    const previous = await this.reader.previousScore(assessment);
    return previous === null ? null : assessment.overallScore - previous;
  }
}
