import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql';
import {
  DepartmentEnum,
  FailureFactorEnum,
  InitiativeStatusEnum,
  KpiKindEnum,
  OutsourcingEnum,
} from '../graphql';
import type { Department, FailureFactor, InitiativeStatus, KpiKind, Outsourcing } from '../scoring';

@ObjectType('Kpi', {
  description: 'How an initiative measures success; follower counts alone are vanity metrics.',
})
export class Kpi {
  @Field({ description: "The KPI's name, e.g. 'Leads from LinkedIn'." })
  name!: string;

  @Field(() => KpiKindEnum, { description: 'What the KPI measures: vanity, engagement or business results.' })
  kind!: KpiKind;
}

@ObjectType('Initiative', { description: 'A social media project or programme of the organisation.' })
export class Initiative {
  @Field(() => ID, { description: "The initiative's id." })
  id!: string;

  @Field({ description: "The initiative's name." })
  name!: string;

  @Field(() => InitiativeStatusEnum, {
    description: 'Where the initiative stands; STOPPED ones no longer count as live.',
  })
  status!: InitiativeStatus;

  @Field(() => DepartmentEnum, { description: 'The department that owns the initiative.' })
  ownerDepartment!: Department;

  @Field(() => OutsourcingEnum, {
    description: 'How much of the initiative an agency runs: none, part or all of it.',
  })
  outsourcing!: Outsourcing;

  @Field(() => Int, {
    nullable: true,
    description: 'Satisfaction with the results, 1 (not at all) to 5 (highly); null when not rated.',
  })
  satisfaction!: number | null;

  @Field(() => [FailureFactorEnum], {
    description: 'What made the initiative fail or struggle, each named once.',
  })
  failureFactors!: FailureFactor[];

  @Field(() => Int, { description: 'Goes up by one with every change; send it back as expectedVersion.' })
  version!: number;

  @Field({ description: 'When the initiative was recorded.' })
  createdAt!: Date;

  @Field({ description: 'When the initiative last changed.' })
  updatedAt!: Date;
}

export const InitiativeConnection = ConnectionType(Initiative, 'Initiative');
