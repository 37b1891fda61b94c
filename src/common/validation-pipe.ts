import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError, type FieldProblem } from './errors';

/** class-validator failures become BAD_USER_INPUT listing each offending field path ("profile.locations"). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = flatten(errors);
      const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
      return new BadUserInputError(`Invalid input: ${summary}`, fields);
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
