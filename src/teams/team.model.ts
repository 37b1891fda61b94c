import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DepartmentEnum } from '../graphql';
import type { Department } from '../scoring';

@ObjectType('TeamMember', {
  description:
    'A person on a social media team, chosen first for insight, experience and affinity with social media.',
})
export class TeamMember {
  @Field(() => ID, { description: "The member's id." })
  id!: string;

  @Field(() => ID, { description: 'The team the member belongs to.' })
  teamId!: string;

  @Field({ description: "The member's name." })
  name!: string;

  @Field(() => DepartmentEnum, {
    description: 'The department the member comes from; a team that mirrors the organisation is a bonus.',
  })
  department!: Department;

  @Field({ description: 'True for someone from an agency, false for an in-house member.' })
  external!: boolean;

  @Field(() => Int, { description: 'Insight into social media, 1 (little) to 5 (much).' })
  insight!: number;

  @Field(() => Int, { description: 'Experience with social media, 1 (little) to 5 (much).' })
  experience!: number;

  @Field(() => Int, { description: 'Affinity with social media, 1 (little) to 5 (much).' })
  affinity!: number;
}

@ObjectType('Team', {
  description: "One of the organisation's social media teams: the central team or one of its spokes.",
})
export class Team {
  @Field(() => ID, { description: "The team's id." })
  id!: string;

  @Field({ description: "The team's name, e.g. 'Central social media team' or 'Customer service spoke'." })
  name!: string;

  @Field(() => Int, {
    description:
      'Goes up by one with every change to the team or its members; send it back as expectedVersion.',
  })
  version!: number;

  @Field({ description: 'When the team was formed in this tool.' })
  createdAt!: Date;

  @Field({ description: 'When the team or its members last changed.' })
  updatedAt!: Date;
}
