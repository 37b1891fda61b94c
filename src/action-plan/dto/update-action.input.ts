import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { IsName } from '../../common/validation';
import { DepartmentEnum } from '../../graphql';
import { DEPARTMENTS, type Department } from '../../scoring';
import { ACTION_STATUSES, ActionStatusEnum, type ActionStatus } from '../action.model';

@InputType('UpdateActionInput', {
  description:
    'Changes an action if nobody changed it since expectedVersion; absent fields stay. Setting one owner clears ' +
    'the other; null for an owner (or dueAt) clears it.',
})
export class UpdateActionInput {
  @Field(() => ID, { description: 'The action to change.' })
  id!: string;

  @Field(() => Int, { description: 'The version the caller last read; another one fails with VERSION_CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters, not blank.' })
  @IsOptional()
  @IsName(200)
  title?: string | null;

  @Field(() => ActionStatusEnum, { nullable: true, description: 'A new status.' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus | null;

  @Field(() => ID, { nullable: true, description: 'A team member as the owner; null: no owner.' })
  @IsOptional()
  @IsString()
  ownerMemberId?: string | null;

  @Field(() => DepartmentEnum, { nullable: true, description: 'A department as the owner; null: no owner.' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  ownerDepartment?: Department | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A new due date; null: no due date.' })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}
