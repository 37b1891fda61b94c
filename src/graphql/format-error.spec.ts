import { runInNewContext } from 'node:vm';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { AppError, ConflictError, ServiceUnavailableError, ThrownValue } from '../common/errors';
import { mapError } from './format-error';

/** A PostgreSQL error as pg raises it, with the text PostgreSQL wrote (which must never reach a client). */
function pgError(code: string, message = `SQLSTATE ${code}: invalid input syntax for type uuid: "x" in relation "teams"`, constraint?: string) {
  const error = new DatabaseError(message, 100, 'error');
  error.code = code;
  error.severity = 'ERROR';
  if (constraint) error.constraint = constraint;
  return error;
}
/** The same as TypeORM throws it, with the statement and its parameters. */
function queryFailed(code: string, constraint?: string) {
  return new QueryFailedError('SELECT * FROM teams WHERE id = $1', ['x'], pgError(code, undefined, constraint));
}

describe('mapError: every PostgreSQL error class once, never its text', () => {
  const expectMapped = (sqlState: string, code: string, internal = false) => {
    for (const error of [pgError(sqlState), queryFailed(sqlState)]) {
      const mapped = mapError(error);
      expect({ sqlState, code: mapped.code, internal: mapped.internal }).toEqual({ sqlState, code, internal });
      expect(mapped.message).not.toMatch(/syntax|relation|uuid|teams|SQLSTATE|SELECT/i);
    }
  };

  it.each([
    ['22P02', 'invalid text representation (a malformed uuid)'],
    ['22001', 'string data right truncation'],
    ['22003', 'numeric value out of range'],
    ['22007', 'invalid datetime format'],
    ['22008', 'datetime field overflow (a +99 offset)'],
    ['22021', 'character not in repertoire (a NUL)'],
    ['22023', 'invalid parameter value'],
  ])('class 22 %s (%s): BAD_USER_INPUT', (sqlState) => expectMapped(sqlState, 'BAD_USER_INPUT'));

  it('class 23: a duplicate is CONFLICT "Already exists"', () => {
    expectMapped('23505', 'CONFLICT');
    expect(mapError(queryFailed('23505')).message).toBe('Already exists');
  });

  it.each(['23503', '23P01'])('class 23 %s (a related row changed meanwhile): CONFLICT', (sqlState) => {
    expectMapped(sqlState, 'CONFLICT');
    expect(mapError(queryFailed(sqlState)).message).toMatch(/reload and retry/);
  });

  it.each(['23000', '23502', '23514'])('class 23 %s (other integrity violations): BAD_USER_INPUT', (sqlState) =>
    expectMapped(sqlState, 'BAD_USER_INPUT'),
  );

  it('the constraint tenant_keeps_an_owner (23000 from the membership trigger) is CONFLICT "A tenant keeps at least one OWNER"', () => {
    for (const error of [queryFailed('23000', 'tenant_keeps_an_owner'), pgError('23000', 'A tenant keeps at least one OWNER', 'tenant_keeps_an_owner')]) {
      expect(mapError(error)).toEqual({ code: 'CONFLICT', message: 'A tenant keeps at least one OWNER', fields: [], internal: false });
    }
    // A named constraint outside class 23 keeps its class's mapping.
    expect(mapError(queryFailed('40001', 'tenant_keeps_an_owner')).code).toBe('CONFLICT');
    expect(mapError(queryFailed('42P01', 'tenant_keeps_an_owner')).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it.each(['40001', '40P01'])('class 40 %s (serialization failure, deadlock): CONFLICT, retry', (sqlState) => {
    expectMapped(sqlState, 'CONFLICT');
    expect(mapError(queryFailed(sqlState)).message).toMatch(/retry/);
  });

  it.each([
    ['57014', 'statement timeout'],
    ['08006', 'connection failure'],
    ['08001', 'cannot establish a connection'],
    ['53300', 'too many connections'],
    ['53100', 'disk full'],
    ['57P01', 'admin shutdown'],
    ['57P03', 'cannot connect now (starting up)'],
  ])('%s (%s): SERVICE_UNAVAILABLE, logged', (sqlState) => expectMapped(sqlState, 'SERVICE_UNAVAILABLE', true));

  it.each([
    ['42P01', 'undefined table'],
    ['42601', 'syntax error'],
    ['42501', 'insufficient privilege (row-level security)'],
    ['28P01', 'invalid password'],
    ['XX000', 'internal error'],
    ['P0001', 'raise exception'],
  ])('%s (%s): INTERNAL_SERVER_ERROR, a defect of ours, logged', (sqlState) => {
    expectMapped(sqlState, 'INTERNAL_SERVER_ERROR', true);
    expect(mapError(queryFailed(sqlState)).message).toBe('Internal server error');
  });

  it('a `code` on an error that is no PostgreSQL error is not taken for a SQLSTATE', () => {
    const notPg = Object.assign(new Error('duplicate'), { code: '23505' });
    expect(mapError(notPg).code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('mapError: the database out of reach', () => {
  it.each([
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['ETIMEDOUT', Object.assign(new Error('connect ETIMEDOUT 10.0.0.5:5432'), { code: 'ETIMEDOUT' })],
    ['ENOTFOUND', Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' })],
    ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['pg-pool: Connection terminated due to connection timeout', new Error('Connection terminated due to connection timeout')],
    ['pg: Client has encountered a connection error', new Error('Client has encountered a connection error and is not queryable')],
    ['TypeORM around a terminated connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
  ])('%s: SERVICE_UNAVAILABLE with a message of ours', (_name, error) => {
    const mapped = mapError(error);
    expect(mapped.code).toBe('SERVICE_UNAVAILABLE');
    expect(mapped.message).not.toMatch(/ECONN|10\.0\.0\.5|terminated|getaddrinfo/);
  });

  it("Node's own error from another realm (as inside Jest's vm context) is recognised too", () => {
    const foreign: unknown = runInNewContext(`Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })`);
    expect(foreign instanceof Error).toBe(false);
    expect(mapError(foreign).code).toBe('SERVICE_UNAVAILABLE');
    expect(mapError(new ThrownValue(foreign)).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('a non-Error thrown value is INTERNAL_SERVER_ERROR', () => {
    expect(mapError('boom').code).toBe('INTERNAL_SERVER_ERROR');
    expect(mapError(new ThrownValue({ not: 'an error' })).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it("pg-pool's wait for a free connection running out is RATE_LIMITED (busy), not internal", () => {
    expect(mapError(new Error('timeout exceeded when trying to connect'))).toMatchObject({ code: 'RATE_LIMITED', internal: false });
  });
});

describe('mapError: errors of ours', () => {
  it('keeps an AppError as it is, and hides the message of an internal one', () => {
    expect(mapError(new ConflictError('Already there'))).toEqual({ code: 'CONFLICT', message: 'Already there', fields: [], internal: false });
    expect(mapError(new ServiceUnavailableError()).code).toBe('SERVICE_UNAVAILABLE');
    expect(mapError(new AppError('INTERNAL_SERVER_ERROR', 'secret detail'))).toMatchObject({ message: 'Internal server error', internal: true });
  });
});
