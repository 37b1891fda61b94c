import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn } from 'class-validator';
import { IsName } from '../../common/validation';
import { DepartmentEnum } from '../../graphql';
import { DEPARTMENTS, type Department } from '../../scoring';
import { IsScore } from './team-member.validation';

@InputType('AddTeamMemberInput', { description: 'A person joining a team.' })
export class AddTeamMemberInput {
  @Field(() => ID, { description: 'The team to join.' })
  teamId!: string;

  @Field({ description: "The member's name, 1 to 100 characters, not blank." })
  @IsName(100)
  name!: string;

  @Field(() => DepartmentEnum, { description: 'The department the member comes from.' })
  @IsIn(DEPARTMENTS)
  department!: Department;

  @Field({ description: 'True for someone from an agency, false for an in-house member.' })
  @IsBoolean()
  external!: boolean;

  @Field(() => Int, { description: 'Insight into social media, 1 to 5.' })
  @IsScore()
  insight!: number;

  @Field(() => Int, { description: 'Experience with social media, 1 to 5.' })
  @IsScore()
  experience!: number;

  @Field(() => Int, { description: 'Affinity with social media, 1 to 5.' })
  @IsScore()
  affinity!: number;
}
