import { AppError } from '../common/errors';
import { encodeCursor } from '../graphql/connection';
import { decodeInitiativeCursor, encodeInitiativeCursor } from './initiative-cursor';

const ID = '0d5b1d8e-4a6f-4c1b-9e0a-2f4b6c8d0e12';

function rejection(after: string): AppError {
  try {
    decodeInitiativeCursor(after);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('initiative cursors', () => {
  it('round-trips a position with microseconds', () => {
    const position = { createdAt: '2026-01-31T23:59:59.123456Z', id: ID };
    expect(decodeInitiativeCursor(encodeInitiativeCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64 json', 'bm9wZQ'],
    ['one element', encodeCursor([ID])],
    ['a millisecond time', encodeCursor(['2026-01-31T23:59:59.123Z', ID])],
    ['a time with SQL in it', encodeCursor(["2026-01-31'; DROP TABLE initiatives; --", ID])],
    ['an impossible date', encodeCursor(['2026-13-45T99:99:99.000000Z', ID])],
    ['31 February (Date.parse rolls it over)', encodeCursor(['2026-02-31T10:00:00.000000Z', ID])],
    ['a number for the time', encodeCursor([1, ID])],
    ['an id that is not a UUID', encodeCursor(['2026-01-31T23:59:59.123456Z', 'x'])],
  ])('rejects %s with BAD_USER_INPUT on `after`', (_label, after) => {
    const error = rejection(after);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields.map((f) => f.field)).toEqual(['after']);
  });
});
