import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadUserInputError } from '../common/errors';

@ObjectType('PageInfo', { description: 'Where a page ends, for cursor pagination.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last item on this page: pass it as `after` for the next page; null when empty.',
  })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay `XEdge` / `XConnection` object types for a node type. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => node, { description: `The ${name}.` })
    node!: T;

    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items on this page, in the order of the list.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page ends, and whether more follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Every ${name} of the list, on all pages together.` })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** A cursor part that must be a timestamp (as PostgreSQL printed it) and a uuid. */
export function decodeTimeCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2);
  if (typeof at !== 'string' || !isTimestampText(at) || !isUuidLike(id)) {
    throw BadUserInputError.field('after', 'is not a cursor returned by this API');
  }
  return [at, id as string];
}

/** timestamptz as PostgreSQL prints it (`2026-11-26 10:44:45.123456+00`) or ISO 8601. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?(\d{2}))?)?$/;

/**
 * Whether a cursor's time is one PostgreSQL accepts: the shape alone let `+99` (an offset PostgreSQL refuses,
 * beyond ±15:59) or 31 February through, and the statement then failed. Checked field by field, since
 * JavaScript's Date.parse rolls 31 February over to March.
 */
export function isTimestampText(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > 15 || offsetMinutes > 59 || hour > 23 || minute > 59 || second > 59 || year < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isUuidLike(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);
}

/** Cursors are opaque to clients: base64url of the sort key and id of the last row. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw BadUserInputError.field('after', 'is not a cursor returned by this API');
}

/**
 * Turns `first + 1` rows into a page: the extra row only tells whether there is a next page.
 */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  totalCount: number,
  toNode: (row: R) => T,
  cursorOf: (row: R) => (string | number)[],
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ node: toNode(row), cursor: encodeCursor(cursorOf(row)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
