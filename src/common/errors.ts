import { types } from 'node:util';

/** The contract's error codes (extensions.code). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'VERSION_CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

/** A domain error: thrown anywhere, mapped once to extensions.code by the GraphQL error formatter. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, fields: FieldProblem[]) {
    super('BAD_USER_INPUT', message, fields);
  }

  static field(field: string, message: string): BadUserInputError {
    return new BadUserInputError(`Invalid ${field}: ${message}`, [{ field, message }]);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class VersionConflictError extends AppError {
  constructor(what: string, expected: number, actual: number | null) {
    super(
      'VERSION_CONFLICT',
      actual === null
        ? `${what} was changed by someone else`
        : `${what} is at version ${actual}, not the expected ${expected}: reload and retry`,
    );
  }
}

export class RateLimitedError extends AppError {
  /** When the caller may try again (extensions.retryAfterSeconds), if known. */
  constructor(
    message = 'Too many requests: slow down and retry later',
    readonly retryAfterSeconds?: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/**
 * Every pooled connection is busy: the request is refused quickly instead of queueing without end. The contract
 * has no "busy" code: SERVICE_UNAVAILABLE means the database cannot be reached (retry later), while a full pool is
 * load the caller can relieve by slowing down, which is what RATE_LIMITED tells a client (retry in a moment). So a
 * busy pool is a kind of rate limit, without a known retry-after.
 */
export class PoolBusyError extends RateLimitedError {
  constructor() {
    super('The service is busy: retry in a moment');
  }
}

/** Seconds a client is asked to wait (Retry-After) before retrying a SERVICE_UNAVAILABLE request. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached, or the operation ran out of time: nothing was stored (the request's
 * transaction did not commit), so the request may be retried as it is (submissions are idempotent).
 * Sent with HTTP 503 and Retry-After.
 */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'The service is unavailable for now: retry in a moment') {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/**
 * The client closed the connection before the response: the request's transaction was rolled back, and what was
 * still running stops at its next query. Nobody receives this error; it is logged at info, not as a failure.
 */
export class RequestAbortedError extends AppError {
  constructor() {
    super('INTERNAL_SERVER_ERROR', 'The client closed the request before the response; its transaction was rolled back');
  }
}

/**
 * An Error of any realm. Node's own errors (a socket's ECONNREFUSED) are created in Node's realm: inside a vm
 * context such as Jest's they are no `instanceof Error` of the code's realm, and neither is a thrown non-Error.
 */
export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}

/**
 * A thrown value that is no Error of this realm, carried as one. graphql-js takes a non-Error that an exception
 * filter hands back for the field's value (a Tenant without id) instead of the field's error.
 */
export class ThrownValue extends Error {
  constructor(readonly thrown: unknown) {
    super(isError(thrown) ? thrown.message : 'A non-Error value was thrown');
    if (isError(thrown) && thrown.stack) this.stack = thrown.stack;
  }
}
