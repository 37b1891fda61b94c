import { Field, ID, InputType, Int, PartialType, PickType } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { FailureFactorEnum } from '../../graphql';
import type { FailureFactor } from '../../scoring';
import { CreateInitiativeInput } from './create-initiative.input';
import { IsFailureFactorList, IsKpiList, IsSatisfaction } from './initiative.validation';
import { KpiInput } from './kpi.input';

/**
 * The fields an update may change as they are created (same descriptions and validators), each optional. With
 * skipNullProperties false they are omittable, not nullable: absent keeps the value, null is validated and refused
 * (ValidateIf(value !== undefined)).
 */
const CHANGED_AS_CREATED = ['name', 'status', 'ownerDepartment', 'outsourcing'] as const;

@InputType('UpdateInitiativeInput', {
  description:
    'Changes an initiative if nobody changed it since expectedVersion; fields left out keep their value.',
})
export class UpdateInitiativeInput extends PartialType(PickType(CreateInitiativeInput, CHANGED_AS_CREATED), {
  skipNullProperties: false,
}) {
  @Field(() => ID, { description: 'The initiative to change.' })
  id!: string;

  @Field(() => Int, {
    description: 'The version the caller last read; another one fails with VERSION_CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  // Lists and the rating can be cleared with null, so they are declared here with their own descriptions.
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
