import { Field, ObjectType } from '@nestjs/graphql';
import { DepartmentEnum, OwnerKindEnum, ResponsibilityEnum } from '../graphql';
import type { Department, OwnerKind, Responsibility } from '../scoring';

@ObjectType('ResponsibilityAssignment', {
  description:
    'Who owns one of the nine responsibilities of social media work: a team member, an in-house department or the agency.',
})
export class ResponsibilityAssignment {
  @Field(() => ResponsibilityEnum, { description: 'The task that is owned.' })
  responsibility!: Responsibility;

  @Field(() => OwnerKindEnum, { description: 'What kind of owner it has.' })
  ownerKind!: OwnerKind;

  /** The owning member's id when ownerKind is MEMBER; resolved to `member` through the request's loader. */
  memberId!: string | null;

  @Field(() => DepartmentEnum, {
    nullable: true,
    description: 'The owning in-house department, when ownerKind is DEPARTMENT.',
  })
  department!: Department | null;

  @Field({ description: 'When the owner was last set.' })
  updatedAt!: Date;
}
