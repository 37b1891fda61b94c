import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { StageEnum } from '../graphql';
import type { Stage } from '../scoring';

@ObjectType('Target', {
  description: 'The stage an organisation aims for, and by when; without one the roadmap aims for the next stage.',
})
export class Target {
  @Field(() => StageEnum, { description: 'The stage to reach (after caps).' })
  stage!: Stage;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the stage should be reached; null: no date.' })
  dueAt!: Date | null;
}
