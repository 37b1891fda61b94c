import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { IsName } from '../../common/validation';
import {
  DepartmentEnum,
  FailureFactorEnum,
  InitiativeStatusEnum,
  OutsourcingEnum,
} from '../../graphql';
import {
  DEPARTMENTS,
  INITIATIVE_STATUSES,
  OUTSOURCING_LEVELS,
  type Department,
  type FailureFactor,
  type InitiativeStatus,
  type Outsourcing,
} from '../../scoring';
import { IsFailureFactorList, IsKpiList, IsSatisfaction } from './initiative.validation';
import { KpiInput } from './kpi.input';

@InputType('CreateInitiativeInput', { description: 'A social media initiative to record.' })
export class CreateInitiativeInput {
  @Field({ description: "The initiative's name, 1 to 200 characters, not blank." })
  @IsName(200)
  name!: string;

  @Field(() => InitiativeStatusEnum, { description: 'Where the initiative stands.' })
  @IsIn(INITIATIVE_STATUSES)
  status!: InitiativeStatus;

  @Field(() => DepartmentEnum, { description: 'The department that owns the initiative.' })
  @IsIn(DEPARTMENTS)
  ownerDepartment!: Department;

  @Field(() => OutsourcingEnum, { description: 'How much of it an agency runs.' })
  @IsIn(OUTSOURCING_LEVELS)
  outsourcing!: Outsourcing;

  @Field(() => [KpiInput], { description: 'How success is measured: at most 20 KPIs, in the order given.' })
  @IsKpiList()
  kpis!: KpiInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'Satisfaction with the results, 1 to 5; leave out when not rated.',
  })
  @IsOptional()
  @IsSatisfaction()
  satisfaction?: number | null;

  @Field(() => [FailureFactorEnum], {
    nullable: true,
    description: 'What made it fail or struggle, each at most once.',
  })
  @IsOptional()
  @IsFailureFactorList()
  failureFactors?: FailureFactor[] | null;
}
