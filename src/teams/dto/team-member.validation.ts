import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** A self-assessed score of a team member: an integer from 1 to 5. */
export function IsScore(): PropertyDecorator {
  const message = 'must be an integer from 1 to 5';
  return applyDecorators(IsInt({ message }), Min(1, { message }), Max(5, { message }));
}

/** Optional in a partial update: absent means "keep"; null is validated (and refused) like any other value. */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
