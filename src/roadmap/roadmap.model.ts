import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Assessment } from '../assessments';
import { DepartmentEnum, ResponsibilityEnum, StageEnum } from '../graphql';
import { ROADMAP_MOVES, type Department, type Responsibility, type RoadmapMove, type Stage } from '../scoring';

export const RoadmapMoveEnum = Object.fromEntries(ROADMAP_MOVES.map((m) => [m, m])) as {
  [K in RoadmapMove]: K;
};
registerEnumType(RoadmapMoveEnum, {
  name: 'RoadmapMove',
  description: 'A change the roadmap can propose; on a tie between moves, the earlier in this order wins.',
  valuesMap: {
    ASSIGN_OWNER: { description: 'Give an applicable responsibility without an owner an in-house owner department.' },
    INSOURCE: { description: 'Move a responsibility the agency owns to an in-house owner department.' },
    SALES_OWNS_ENGAGEMENT: { description: 'Sales owns audience engagement (Sales owns nothing yet).' },
    ADD_SALES_MEMBER: { description: 'An in-house member from Sales joins the first team.' },
    ADD_MEMBER_FROM_DEPARTMENT: { description: 'An in-house member from a department without one joins the first team.' },
    ADD_BUSINESS_KPI: { description: 'The first live initiative gets a BUSINESS KPI.' },
    REPORT_MONTHLY: { description: 'Results are reported monthly.' },
    ADOPT_POLICY: { description: 'A social media policy is adopted.' },
    LIVE_THE_POLICY: { description: 'The policy is lived as a role model (4 of 5).' },
    CRISIS_PLAN: { description: 'A social media crisis plan exists.' },
    MONITORING: { description: 'Social media are monitored.' },
    TRAIN_TEAM: { description: "Each in-house member's insight, experience and affinity below 5 rise by 1." },
  },
});

@ObjectType('RoadmapStep', { description: 'One step of the roadmap and what it promises once made.' })
export class RoadmapStep {
  @Field(() => RoadmapMoveEnum, { description: 'The change to make.' })
  move!: RoadmapMove;

  @Field(() => ResponsibilityEnum, {
    nullable: true,
    description: 'The responsibility it concerns (ASSIGN_OWNER, INSOURCE); null otherwise.',
  })
  responsibility!: Responsibility | null;

  @Field(() => DepartmentEnum, {
    nullable: true,
    description: 'The department it concerns (ADD_MEMBER_FROM_DEPARTMENT); null otherwise.',
  })
  department!: Department | null;

  @Field(() => Float, {
    description: 'The overall score (unrounded) once this step and the ones before it are made: exact, a promise.',
  })
  overallScore!: number;

  @Field(() => StageEnum, { description: 'The stage after caps once this step is made.' })
  stage!: Stage;

  @Field(() => [String], { description: 'Finding codes present before this step and absent after it.' })
  clearsFindings!: string[];

  @Field({ description: 'What to do and why, in words a person understands.' })
  description!: string;
}

@ObjectType('Roadmap', {
  description:
    'The greedy roadmap from the latest current assessment toward the target stage: at most 10 steps, each the ' +
    'move that raises the overall score most.',
})
export class Roadmap {
  @Field(() => Assessment, { description: 'The assessment whose stored inputs the roadmap starts from.' })
  basedOn!: Assessment;

  @Field(() => StageEnum, { description: "The tenant's target stage, or the next stage above the current one." })
  targetStage!: Stage;

  @Field({ description: 'True when the stage after the last step (or now, without steps) reaches the target.' })
  reachesTarget!: boolean;

  @Field(() => [RoadmapStep], { description: 'The steps in order; empty when the target is reached or no move helps.' })
  steps!: RoadmapStep[];
}
