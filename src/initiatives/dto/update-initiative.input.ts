import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { IsName } from '../../common/validation';
import {
  DepartmentEnum,
  FailureFactorEnum,
  InitiativeStatusEnum,
  OutsourcingEnum,
} from '../../graphql/enums';
import {
  DEPARTMENTS,
  INITIATIVE_STATUSES,
  OUTSOURCING_LEVELS,
  type Department,
  type FailureFactor,
  type InitiativeStatus,
  type Outsourcing,
} from '../../scoring/domain';
import { IsFailureFactorList, IsKpiList, IsOmittable, IsSatisfaction } from './initiative.validation';
import { KpiInput } from './kpi.input';

@InputType('UpdateInitiativeInput', {
  description:
    'Changes an initiative if nobody changed it since expectedVersion; fields left out keep their value.',
})
export class UpdateInitiativeInput {
  @Field(() => ID, { description: 'The initiative to change.' })
  id!: string;

  @Field(() => Int, {
    description: 'The version the caller last read; another one fails with VERSION_CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: "The initiative's name, 1 to 200 characters, not blank.",
  })
  @IsOmittable()
  @IsName(200)
  name?: string;

  @Field(() => InitiativeStatusEnum, { nullable: true, description: 'Where the initiative stands.' })
  @IsOmittable()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;

  @Field(() => DepartmentEnum, { nullable: true, description: 'The department that owns the initiative.' })
  @IsOmittable()
  @IsIn(DEPARTMENTS)
  ownerDepartment?: Department;

  @Field(() => OutsourcingEnum, { nullable: true, description: 'How much of it an agency runs.' })
  @IsOmittable()
  @IsIn(OUTSOURCING_LEVELS)
  outsourcing?: Outsourcing;

  @Field(() => [KpiInput], {
    nullable: true,
    description: 'Replaces all KPIs (at most 20); null or [] removes them.',
  })
  @IsOptional()
  @IsKpiList()
  kpis?: KpiInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Satisfaction with the results, 1 to 5; null clears the rating.',
  })
  @IsOptional()
  @IsSatisfaction()
  satisfaction?: number | null;

  @Field(() => [FailureFactorEnum], {
    nullable: true,
    description: 'Replaces the failure factors; null or [] clears them.',
  })
  @IsOptional()
  @IsFailureFactorList()
  failureFactors?: FailureFactor[] | null;
}
