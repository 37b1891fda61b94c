import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CultureEnum, DepartmentEnum, MarketEnum } from '../../graphql';
import { CULTURES, DEPARTMENTS, MARKETS, type Culture, type Department, type Market } from '../../scoring';

@InputType('TenantProfileInput', { description: 'The context that decides whether a social media team is needed.' })
export class TenantProfileInput {
  @Field(() => Int, { description: 'Employees, 1 to 10,000,000.' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  employeeCount!: number;

  @Field(() => [DepartmentEnum], { description: 'The departments present in the organisation: at least one, each once.' })
  @ArrayMinSize(1, { message: 'must list at least one department' })
  @ArrayMaxSize(DEPARTMENTS.length)
  @ArrayUnique({ message: 'must not repeat a department' })
  @IsIn(DEPARTMENTS, { each: true })
  departments!: Department[];

  @Field(() => CultureEnum, { description: 'How the organisation works: informal, mixed or hierarchical.' })
  @IsIn(CULTURES)
  culture!: Culture;

  @Field(() => MarketEnum, { description: 'Whom the organisation sells to: businesses, consumers or both.' })
  @IsIn(MARKETS)
  market!: Market;

  @Field(() => Int, { description: 'Number of locations (offices, sites), 1 to 100,000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  locations!: number;

  @Field(() => String, { nullable: true, description: 'Free text up to 100 characters, e.g. Healthcare.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  sector?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days between assessments, 7 to 730; 90 when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(7)
  @Max(730)
  reassessmentCadenceDays?: number | null;
}
