import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { StageEnum } from '../../graphql';
import { STAGES, type Stage } from '../../scoring';
import { PortfolioSortEnum } from '../portfolio.model';
import { PORTFOLIO_SORTS, type PortfolioSort } from '../portfolio-status';

@InputType('PortfolioFilter', { description: 'Narrows the portfolio; every condition given must hold.' })
export class PortfolioFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only tenants past their due date.' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean | null;

  @Field(() => [StageEnum], {
    nullable: true,
    description: 'Only tenants whose latest assessment is in one of these stages.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STAGES.length)
  @IsIn(STAGES, { each: true })
  stages?: Stage[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only tenants with a score-drop alert.' })
  @IsOptional()
  @IsBoolean()
  alertsOnly?: boolean | null;
}

@ArgsType()
export class PortfolioArgs {
  @Field(() => PortfolioFilter, {
    nullable: true,
    description: 'Only the entries that meet every condition given.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortfolioFilter)
  filter?: PortfolioFilter | null;

  @Field(() => PortfolioSortEnum, { defaultValue: 'OVERDUE_FIRST', description: 'The order of the entries.' })
  @IsIn(PORTFOLIO_SORTS)
  sort: PortfolioSort = 'OVERDUE_FIRST';
}
