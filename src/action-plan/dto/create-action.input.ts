import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString } from 'class-validator';
import { IsName } from '../../common/validation';
import { DepartmentEnum, ResponsibilityEnum } from '../../graphql';
import { RoadmapMoveEnum } from '../../roadmap';
import {
  DEPARTMENTS,
  RESPONSIBILITIES,
  ROADMAP_MOVES,
  type Department,
  type Responsibility,
  type RoadmapMove,
} from '../../scoring';

@InputType('CreateActionInput', {
  description: 'A new action, OPEN; from a roadmap step: pass its move with its responsibility or department.',
})
export class CreateActionInput {
  @Field({ description: 'What is to be done, 1 to 200 characters, not blank.' })
  @IsName(200)
  title!: string;

  @Field(() => RoadmapMoveEnum, { nullable: true, description: 'The roadmap move it carries out.' })
  @IsOptional()
  @IsIn(ROADMAP_MOVES)
  move?: RoadmapMove | null;

  @Field(() => ResponsibilityEnum, {
    nullable: true,
    description: 'With ASSIGN_OWNER or INSOURCE (required there): the responsibility.',
  })
  @IsOptional()
  @IsIn(RESPONSIBILITIES)
  responsibility?: Responsibility | null;

  @Field(() => DepartmentEnum, {
    nullable: true,
    description: 'With ADD_MEMBER_FROM_DEPARTMENT (required there): the department.',
  })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department | null;

  @Field(() => ID, { nullable: true, description: 'The team member who owns it (not with ownerDepartment).' })
  @IsOptional()
  @IsString()
  ownerMemberId?: string | null;

  @Field(() => DepartmentEnum, { nullable: true, description: 'The department that owns it (not with ownerMemberId).' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  ownerDepartment?: Department | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it is due.' })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}
