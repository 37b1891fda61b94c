import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import '../graphql';
import { ConnectionType } from '../graphql';
import { CultureEnum, DepartmentEnum, MarketEnum, RoleEnum } from '../graphql';
import type { Culture, Department, Market } from '../scoring';
import { User } from '../auth';
import type { Role } from '../common/roles';

@ObjectType('TenantProfile', {
  description: 'The context that decides whether a social media team is needed.',
})
export class TenantProfile {
  @Field(() => Int, {
    description:
      'Employees; 250 or more always needs a team, 50 or more does with a hierarchical culture, 4+ departments or 2+ locations.',
  })
  employeeCount!: number;

  @Field(() => [DepartmentEnum], { description: 'Departments present in the organisation.' })
  departments!: Department[];

  @Field(() => CultureEnum, {
    description: 'Informal organisations react fast; hierarchical ones need a team.',
  })
  culture!: Culture;

  @Field(() => MarketEnum, { description: 'Whom it sells to; B2B doubles the weight of Sales involvement.' })
  market!: Market;

  @Field(() => Int, { description: 'Number of locations (offices, sites).' })
  locations!: number;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. Healthcare; null when not given.' })
  sector!: string | null;

  @Field(() => Int, {
    description: 'Days between assessments; the next one is due this long after the last.',
  })
  reassessmentCadenceDays!: number;
}

@ObjectType('Tenant', { description: 'An organisation whose social media work is tracked.' })
export class Tenant {
  @Field(() => ID, {
    description: "The tenant's id: send it as the x-tenant-id header to work in this tenant.",
  })
  id!: string;

  @Field({ description: "The organisation's name." })
  name!: string;

  @Field(() => TenantProfile, { description: 'Size, departments, culture, market and locations.' })
  profile!: TenantProfile;

  @Field(() => RoleEnum, { description: "The caller's role in this tenant." })
  myRole!: Role;

  @Field({ description: 'When the tenant was created.' })
  createdAt!: Date;
}

export const TenantConnection = ConnectionType(Tenant, 'Tenant');

@ObjectType('Membership', { description: 'Who has which role in a tenant.' })
export class Membership {
  @Field(() => User, { description: 'The member: pass user.id to removeMembership.' })
  user!: User;

  @Field(() => RoleEnum, { description: 'Their role in this tenant.' })
  role!: Role;

  @Field({ description: 'When they joined the tenant.' })
  createdAt!: Date;
}

export const MembershipConnection = ConnectionType(Membership, 'Membership');
