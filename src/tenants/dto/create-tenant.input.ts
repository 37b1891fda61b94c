import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { IsName } from '../../common/validation';
import { TenantProfileInput } from './tenant-profile.input';

@InputType('CreateTenantInput', { description: 'A new organisation to track.' })
export class CreateTenantInput {
  @Field({ description: "The organisation's name, 1 to 200 characters." })
  @IsName(200)
  name!: string;

  @Field(() => TenantProfileInput, { description: "The organisation's context: size, departments, culture, market." })
  @ValidateNested()
  @Type(() => TenantProfileInput)
  profile!: TenantProfileInput;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Join as CONSULTANT (a client of your portfolio) instead of OWNER.' })
  @IsOptional()
  @IsBoolean()
  asConsultant?: boolean | null = false;
}
