import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches } from 'class-validator';

/** A human-readable name: 1..max characters, not only whitespace. */
export function IsName(max: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Length(1, max, { message: `must be between 1 and ${max} characters` }),
    Matches(/\S/, { message: 'must not be blank' }),
  );
}
