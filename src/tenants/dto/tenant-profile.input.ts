import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CultureEnum, DepartmentEnum, MarketEnum } from '../../graphql/enums';
import { CULTURES, DEPARTMENTS, MARKETS, type Culture, type Department, type Market } from '../../scoring/domain';

@InputType('TenantProfileInput', { description: 'The context that decides whether a social media team is needed.' })
export class TenantProfileInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  employeeCount!: number;

  @Field(() => [DepartmentEnum])
  @ArrayMinSize(1, { message: 'must list at least one department' })
  @ArrayMaxSize(DEPARTMENTS.length)
  @ArrayUnique({ message: 'must not repeat a department' })
  @IsIn(DEPARTMENTS, { each: true })
  departments!: Department[];

  @Field(() => CultureEnum)
  @IsIn(CULTURES)
  culture!: Culture;

  @Field(() => MarketEnum)
  @IsIn(MARKETS)
  market!: Market;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100_000)
  locations!: number;

  @Field(() => String, { nullable: true })
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
