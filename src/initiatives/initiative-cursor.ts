import { BadUserInputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor, isTimestampText } from '../graphql';

/**
 * Initiatives are listed newest first, by (created_at, id) descending. A cursor carries both, the time at full
 * microsecond precision as PostgreSQL prints it with CURSOR_CREATED_AT (a JavaScript Date would lose digits and
 * skip or repeat rows created in the same millisecond).
 */
export const CURSOR_CREATED_AT = `to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const CREATED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export interface InitiativePosition {
  createdAt: string;
  id: string;
}

export function encodeInitiativeCursor(position: InitiativePosition): string {
  return encodeCursor([position.createdAt, position.id]);
}

/** The position after which the next page starts; BAD_USER_INPUT (field `after`) for anything this API did not issue. */
export function decodeInitiativeCursor(after: string): InitiativePosition {
  const [createdAt, id] = decodeCursor(after, 2);
  if (
    typeof createdAt !== 'string' ||
    !CREATED_AT.test(createdAt) ||
    !isTimestampText(createdAt) ||
    !isUuid(id)
  ) {
    throw BadUserInputError.field('after', 'is not a cursor returned by this API');
  }
  return { createdAt, id };
}
