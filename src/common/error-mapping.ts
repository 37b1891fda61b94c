import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError, isError, RequestAbortedError, ThrownValue, type ErrorCode, type FieldProblem } from './errors';

/**
 * Any thrown thing to one of the contract's codes, for every protocol (GraphQL adds its own document errors in
 * graphql/format-error.ts; the HTTP routes use this as it is).
 */
export interface MappedError {
  code: ErrorCode;
  message: string;
  fields: FieldProblem[];
  /** true when the cause is a defect or an outage rather than the caller's input */
  internal: boolean;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'RATE_LIMITED',
};

/** Logs an internal error with its stack; a request the client abandoned is no failure and is logged at info. */
export function logInternalError(logger: { log(message: string): void; error(message: string): void }, error: unknown): void {
  const cause = error instanceof ThrownValue ? error.thrown : error;
  if (cause instanceof RequestAbortedError) logger.log(cause.message);
  else logger.error(isError(cause) ? (cause.stack ?? cause.message) : String(cause));
}

const SERVICE_UNAVAILABLE: MappedError = {
  code: 'SERVICE_UNAVAILABLE',
  message: 'The database is unavailable for now: retry in a moment',
  fields: [],
  internal: true,
};
const BUSY: MappedError = { code: 'RATE_LIMITED', message: 'The service is busy: retry in a moment', fields: [], internal: false };
const POOL_EXHAUSTED = /^timeout exceeded when trying to connect$/;
const MALFORMED: MappedError = { code: 'BAD_USER_INPUT', message: 'A value is out of range or malformed', fields: [], internal: false };

/** Network errors of the database connection (Node's, as pg passes them on). */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** pg's own messages when the server goes away mid-connection or cannot be reached in time. */
const CONNECTION_MESSAGES = /^Connection terminated|Client has encountered a connection error|Connection is not open|timeout expired|Query read timeout/;

/**
 * Constraints whose violation has a message of its own for the client, wherever it arises (a trigger's named
 * constraint included): the name is the database's, the message the contract's.
 */
const CONSTRAINT_MESSAGES: Record<string, MappedError> = {
  // Migration 1764150012000's membership trigger (SQLSTATE 23000): removing or demoting the last OWNER.
  tenant_keeps_an_owner: { code: 'CONFLICT', message: 'A tenant keeps at least one OWNER', fields: [], internal: false },
};

export const INTERNAL: MappedError = { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', fields: [], internal: true };

/**
 * A PostgreSQL error, by its SQLSTATE class, once for the whole service. Its text never reaches a client: it names
 * tables, constraints and values ("invalid input syntax for type uuid: ...").
 * - 22 (data exception: a malformed value, out of range) and 23 (integrity) are the caller's input: 23505 a
 *   duplicate, 23503/23P01 a related row changed meanwhile, the rest malformed;
 * - 40001/40P01 (serialization failure, deadlock) a retryable CONFLICT;
 * - 08 (connection), 53 (insufficient resources), 57P01-57P05 (shutdown, cannot connect now) and 57014 (statement
 *   timeout, cancelled) SERVICE_UNAVAILABLE: retry later;
 * - anything else (42 syntax or undefined table, 28 authorisation, XX internal...) is a defect of ours.
 */
export function mapDatabaseError(sqlState: string, constraint?: string): MappedError {
  const known = constraint !== undefined ? CONSTRAINT_MESSAGES[constraint] : undefined;
  if (known && sqlState.startsWith('23')) return known;
  if (sqlState === '23505') return { code: 'CONFLICT', message: 'Already exists', fields: [], internal: false };
  if (sqlState === '23503' || sqlState === '23P01')
    return { code: 'CONFLICT', message: 'A related object was changed or removed meanwhile: reload and retry', fields: [], internal: false };
  if (sqlState.startsWith('23') || sqlState.startsWith('22')) return MALFORMED;
  if (sqlState === '40001' || sqlState === '40P01')
    return { code: 'CONFLICT', message: 'A concurrent operation got in the way: retry', fields: [], internal: false };
  if (sqlState === '57014')
    return { ...SERVICE_UNAVAILABLE, message: 'The operation took too long and was cancelled: retry later' };
  if (sqlState.startsWith('08') || sqlState.startsWith('53') || /^57P0[1-5]$/.test(sqlState)) return SERVICE_UNAVAILABLE;
  return INTERNAL;
}

/** The driver's error under TypeORM's QueryFailedError, or the error itself. */
function driverErrorOf(error: unknown): unknown {
  return error instanceof QueryFailedError ? (error.driverError as unknown) : error;
}

/** The SQLSTATE of a PostgreSQL error (pg's DatabaseError, or TypeORM's QueryFailedError around one). */
function sqlStateOf(error: unknown): string | undefined {
  const cause = driverErrorOf(error);
  const code = (cause as { code?: unknown } | null)?.code;
  const isPg = error instanceof QueryFailedError || (cause as { severity?: unknown } | null)?.severity !== undefined;
  return isPg && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function constraintOf(error: unknown): string | undefined {
  const constraint = (driverErrorOf(error) as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** A connection error, also one pg-pool wraps (`Connection terminated due to connection timeout`, with its cause). */
function isConnectionFailure(error: unknown): boolean {
  const cause = driverErrorOf(error);
  if (!isError(cause)) return false;
  const code = (cause as { code?: unknown }).code;
  return (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) || CONNECTION_MESSAGES.test(cause.message);
}

/**
 * The mapping of the errors every protocol shares (AppError, Nest's HttpException, PostgreSQL and connection
 * errors, a busy pool); null for anything else (a protocol's own error, or a defect).
 */
export function mapKnownError(error: unknown): MappedError | null {
  if (error instanceof ThrownValue) return mapKnownError(error.thrown);
  if (error instanceof AppError) {
    // An AppError with INTERNAL_SERVER_ERROR is a fault of ours: logged, and its message is not the client's business.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return { code: error.code, message: internal ? 'Internal server error' : error.message, fields: error.fields, internal };
  }
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()] ?? 'INTERNAL_SERVER_ERROR';
    return { code, message: code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : error.message, fields: [], internal: code === 'INTERNAL_SERVER_ERROR' };
  }
  const sqlState = sqlStateOf(error);
  if (sqlState) return mapDatabaseError(sqlState, constraintOf(error));
  if (isConnectionFailure(error)) return SERVICE_UNAVAILABLE;
  // pg-pool's own error when every pooled connection stays busy for connectionTimeoutMillis (DB_POOL_WAIT_MS).
  if (isError(error) && POOL_EXHAUSTED.test(error.message)) return BUSY;
  return null;
}

/** Turns any thrown thing into one of the contract's codes (the HTTP routes' mapping). */
export function mapError(error: unknown): MappedError {
  return mapKnownError(error) ?? INTERNAL;
}
