import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn } from 'class-validator';
import { IsName } from '../../common/validation';
import { DepartmentEnum } from '../../graphql';
import { DEPARTMENTS, type Department } from '../../scoring';
import { IsOmittable, IsScore } from './team-member.validation';

@InputType('UpdateTeamMemberInput', {
  description: 'Changes a team member; fields left out keep their value.',
})
export class UpdateTeamMemberInput {
  @Field(() => ID, { description: 'The member to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: "The member's name, 1 to 100 characters, not blank." })
  @IsOmittable()
  @IsName(100)
  name?: string;

  @Field(() => DepartmentEnum, { nullable: true, description: 'The department the member comes from.' })
  @IsOmittable()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True for someone from an agency, false for in-house.',
  })
  @IsOmittable()
  @IsBoolean()
  external?: boolean;

  @Field(() => Int, { nullable: true, description: 'Insight into social media, 1 to 5.' })
  @IsOmittable()
  @IsScore()
  insight?: number;

  @Field(() => Int, { nullable: true, description: 'Experience with social media, 1 to 5.' })
  @IsOmittable()
  @IsScore()
  experience?: number;

  @Field(() => Int, { nullable: true, description: 'Affinity with social media, 1 to 5.' })
  @IsOmittable()
  @IsScore()
  affinity?: number;
}
