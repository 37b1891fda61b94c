import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { PageArgs } from '../../graphql';
import { ACTION_STATUSES, ActionStatusEnum, type ActionStatus } from '../action.model';

@ArgsType()
export class ActionsArgs extends PageArgs {
  @Field(() => ActionStatusEnum, { nullable: true, description: 'Only actions with this status.' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus | null;
}
