import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql';
import { DepartmentEnum, ResponsibilityEnum } from '../graphql';
import { RoadmapMoveEnum } from '../roadmap';
import type { Department, Responsibility, RoadmapMove } from '../scoring';
import { TeamMember } from '../teams';

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** The statuses of an open action: counted as open, and overdue past the due date. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['OPEN', 'IN_PROGRESS'];

export const ActionStatusEnum = Object.fromEntries(ACTION_STATUSES.map((s) => [s, s])) as {
  [K in ActionStatus]: K;
};
registerEnumType(ActionStatusEnum, {
  name: 'ActionStatus',
  description: 'Where an action of the action plan stands.',
  valuesMap: {
    OPEN: { description: 'Planned, not started.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    DONE: { description: 'Done (verified once the next assessment shows its move no longer applies).' },
    DROPPED: { description: 'Given up; no longer counted.' },
  },
});

@ObjectType('Action', { description: 'One action of the action plan: who does what by when.' })
export class Action {
  @Field(() => ID, { description: "The action's id." })
  id!: string;

  @Field({ description: 'What is to be done, 1 to 200 characters.' })
  title!: string;

  @Field(() => RoadmapMoveEnum, { nullable: true, description: 'The roadmap move it carries out, if any.' })
  move!: RoadmapMove | null;

  @Field(() => ResponsibilityEnum, { nullable: true, description: "The move's responsibility (ASSIGN_OWNER, INSOURCE)." })
  responsibility!: Responsibility | null;

  @Field(() => DepartmentEnum, { nullable: true, description: "The move's department (ADD_MEMBER_FROM_DEPARTMENT)." })
  department!: Department | null;

  @Field(() => TeamMember, { nullable: true, description: 'The team member who owns it; null when a department does.' })
  ownerMember!: TeamMember | null;

  @Field(() => DepartmentEnum, { nullable: true, description: 'The department that owns it; null when a member does.' })
  ownerDepartment!: Department | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it is due; null: no date.' })
  dueAt!: Date | null;

  @Field(() => ActionStatusEnum, { description: 'Where it stands.' })
  status!: ActionStatus;

  @Field({
    description:
      "True when it carries a move that no longer applies to the latest current assessment's inputs: the change " +
      'shows in the assessment. Always false without a move.',
  })
  verified!: boolean;

  @Field({ description: 'True when it is OPEN or IN_PROGRESS and its due date has passed.' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Goes up by one with every change; send it back as expectedVersion.' })
  version!: number;
}

export const ActionConnection = ConnectionType(Action, 'Action');
