import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DepartmentEnum, OwnerKindEnum, ResponsibilityEnum } from '../../graphql';
import {
  DEPARTMENTS,
  OWNER_KINDS,
  RESPONSIBILITIES,
  type Department,
  type OwnerKind,
  type Responsibility,
} from '../../scoring';

@InputType('AssignResponsibilityInput', {
  description:
    'Gives a responsibility an owner, replacing any earlier one. MEMBER needs memberId, DEPARTMENT needs department, AGENCY neither.',
})
export class AssignResponsibilityInput {
  @Field(() => ResponsibilityEnum, { description: 'The task to give an owner.' })
  @IsIn(RESPONSIBILITIES)
  responsibility!: Responsibility;

  @Field(() => OwnerKindEnum, { description: 'What kind of owner it gets.' })
  @IsIn(OWNER_KINDS)
  ownerKind!: OwnerKind;

  @Field(() => ID, { nullable: true, description: 'The owning team member (ownerKind MEMBER only).' })
  @IsOptional()
  @IsString()
  memberId?: string | null;

  @Field(() => DepartmentEnum, {
    nullable: true,
    description: 'The owning in-house department (ownerKind DEPARTMENT only).',
  })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department | null;
}
