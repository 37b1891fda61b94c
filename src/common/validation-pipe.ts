import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError, type FieldProblem } from './errors';

/**
 * class-validator failures become BAD_USER_INPUT listing each offending input path from the argument on
 * (`input.profile.locations`; the arguments of an @ArgsType class are top-level: `first`), the way GraphQL's own
 * errors name them.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (error) {
      if (error instanceof BadUserInputError && typeof metadata.data === 'string' && metadata.data !== '') {
        throw invalidInput(error.fields.map((f) => ({ ...f, field: `${metadata.data}.${f.field}` })));
      }
      throw error;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) => invalidInput(flatten(errors)),
  });
}

function invalidInput(fields: FieldProblem[]): BadUserInputError {
  const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  return new BadUserInputError(`Invalid input: ${summary}`, fields);
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
