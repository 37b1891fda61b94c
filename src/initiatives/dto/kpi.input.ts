import { Field, InputType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { IsName } from '../../common/validation';
import { KpiKindEnum } from '../../graphql';
import { KPI_KINDS, type KpiKind } from '../../scoring';

@InputType('KpiInput', { description: 'A KPI of an initiative.' })
export class KpiInput {
  @Field({ description: "The KPI's name, 1 to 100 characters, not blank." })
  @IsName(100)
  name!: string;

  @Field(() => KpiKindEnum, { description: 'What the KPI measures.' })
  @IsIn(KPI_KINDS)
  kind!: KpiKind;
}
