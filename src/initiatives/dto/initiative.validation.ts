import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FAILURE_FACTORS } from '../../scoring';
import { KpiInput } from './kpi.input';

export const MAX_KPIS = 20;

export function IsSatisfaction(): PropertyDecorator {
  const message = 'must be an integer from 1 to 5';
  return applyDecorators(IsInt({ message }), Min(1, { message }), Max(5, { message }));
}

export function IsKpiList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_KPIS, { message: `must list at most ${MAX_KPIS} KPIs` }),
    ValidateNested({ each: true }),
    Type(() => KpiInput),
  );
}

export function IsFailureFactorList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayUnique({ message: 'must not repeat a failure factor' }),
    IsIn(FAILURE_FACTORS, { each: true }),
  );
}
