import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { PageArgs } from '../../graphql';
import { DepartmentEnum, InitiativeStatusEnum } from '../../graphql';
import {
  DEPARTMENTS,
  INITIATIVE_STATUSES,
  type Department,
  type InitiativeStatus,
} from '../../scoring';

@ArgsType()
export class InitiativesArgs extends PageArgs {
  @Field(() => InitiativeStatusEnum, { nullable: true, description: 'Only initiatives with this status.' })
  @IsOptional()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus | null;

  @Field(() => DepartmentEnum, { nullable: true, description: 'Only initiatives owned by this department.' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  ownerDepartment?: Department | null;
}
