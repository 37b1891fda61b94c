import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerRatings, AssessmentAnswers } from './assessment.model';

/**
 * A campaign's aggregate of an even number of responses can be 3.5 (domain.md "Campaigns"), and the model scores
 * it as it is. GraphQL's Int refuses 3.5 (the whole field would fail), and the contract's fields are Int: they show
 * the lower whole answer, and `ratings` the exact value. The score is never computed from what is shown here.
 */
@Resolver(() => AssessmentAnswers)
export class AssessmentAnswersResolver {
  @ResolveField(() => Int)
  overallSatisfaction(@Parent() answers: AssessmentAnswers): number {
    return Math.floor(answers.overallSatisfaction);
  }

  @ResolveField(() => Int)
  managementSupport(@Parent() answers: AssessmentAnswers): number {
    return Math.floor(answers.managementSupport);
  }

  @ResolveField(() => Int)
  policyRoleModel(@Parent() answers: AssessmentAnswers): number {
    return Math.floor(answers.policyRoleModel);
  }

  @ResolveField(() => AnswerRatings, {
    description: 'The three 1-5 answers exactly as scored: a campaign aggregate can be 3.5 (the Int fields show 3).',
  })
  ratings(@Parent() answers: AssessmentAnswers): AnswerRatings {
    return {
      overallSatisfaction: answers.overallSatisfaction,
      managementSupport: answers.managementSupport,
      policyRoleModel: answers.policyRoleModel,
    };
  }
}
