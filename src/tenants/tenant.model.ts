import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import '../graphql/enums';
import { ConnectionType } from '../graphql/connection';
import { CultureEnum, DepartmentEnum, MarketEnum, RoleEnum } from '../graphql/enums';
import type { Culture, Department, Market } from '../scoring/domain';
import type { Role } from '../tenancy/roles';

@ObjectType('TenantProfile', { description: 'The context that decides whether a social media team is needed.' })
export class TenantProfile {
  @Field(() => Int)
  employeeCount!: number;

  @Field(() => [DepartmentEnum], { description: 'Departments present in the organisation.' })
  departments!: Department[];

  @Field(() => CultureEnum)
  culture!: Culture;

  @Field(() => MarketEnum)
  market!: Market;

  @Field(() => Int, { description: 'Number of locations (offices, sites).' })
  locations!: number;

  @Field(() => String, { nullable: true })
  sector!: string | null;

  @Field(() => Int, { description: 'Days between assessments; the next one is due this long after the last.' })
  reassessmentCadenceDays!: number;
}

@ObjectType('Tenant', { description: 'An organisation whose social media work is tracked.' })
export class Tenant {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => TenantProfile)
  profile!: TenantProfile;

  @Field(() => RoleEnum, { description: "The caller's role in this tenant." })
  myRole!: Role;

  @Field({ description: 'When the tenant was created.' })
  createdAt!: Date;
}

export const TenantConnection = ConnectionType(Tenant, 'Tenant');
