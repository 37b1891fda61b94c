import type DataLoader from 'dataloader';
import { ClsServiceManager } from 'nestjs-cls';
import { DEFAULT_LANGUAGE, type Language } from '../common/language';
import type { Role } from '../common/roles';
import { TransactionState } from './transaction-state';

/**
 * Everything one request carries, under ONE CLS key, typed. It lives in its own folder (not in tenancy/) because
 * four layers read and write it: database/ (the statement count), tenancy/ (scope and transaction), graphql/ (the
 * loaders) and audit/ (the mutation's record); from tenancy/ the lower ones would import upward. It imports no
 * feature module (only the `Role` type, from a file that imports nothing).
 *
 * The accessors are plain functions over nestjs-cls' ClsServiceManager rather than an injectable service: the SQL
 * counter is a TypeORM logger built outside Nest's container, and the audit record is marked from services, both
 * of which reach it the same way. Nothing else in src/ touches CLS keys.
 */

/**
 * Who is asking: a signed-in user, or an API key of one tenant (issue 19). Every `switch (caller.kind)` (see
 * `userIdOf`) fails to compile until it handles every kind.
 */
export type Caller = UserCaller | ApiKeyCaller;

export interface UserCaller {
  kind: 'user';
  userId: string;
}

/** A tenant's API key: it acts in its own tenant only, for the operations its scopes map to. Never its secret. */
export interface ApiKeyCaller {
  kind: 'apiKey';
  keyId: string;
  tenantId: string;
  scopes: readonly string[];
}

/** Who is asking and for which tenant, resolved once per request (tenancy/request-scope.ts). */
export interface Scope {
  /** null for an anonymous request (a public operation without a token). */
  caller: Caller | null;
  /** Set only when the caller is a member of the tenant named by x-tenant-id (or has just created it). */
  tenantId: string | null;
  role: Role | null;
}

/** What the audit interceptor writes for the mutation running now (audit/audit-record.ts). */
export interface AuditRecord {
  /** The mutation (a root field of Mutation) this record belongs to. */
  operation: string;
  /** The id of the object changed, when the mutation states it; undefined lets the interceptor find it. */
  targetId?: string | null;
  /** The mutation changed nothing (an idempotent replay): no audit row. */
  unchanged: boolean;
}

export interface RequestContext {
  /** The scope being resolved (set on first resolution; a second resolution awaits the same promise). */
  resolvingScope: Promise<Scope> | null;
  /** The scope once known; read synchronously by everything after the access guard. */
  scope: Scope | null;
  /** The request's database transaction (tenancy/tenant-transaction.ts). */
  readonly transaction: TransactionState;
  /** The request's DataLoaders by name (graphql/loaders.ts): never shared between requests. */
  readonly loaders: Map<string, DataLoader<unknown, unknown>>;
  /** Reads made once per request and shared by the fields that need them (graphql/loaders.ts, `once`). */
  readonly memos: Map<string, Promise<unknown>>;
  /** The record of the mutation running now; null outside a mutation. */
  audit: AuditRecord | null;
  /** SQL statements (round trips) sent for this request (database/sql-counter.ts). */
  sqlStatements: number;
  /** The language the request's texts are written in (its Accept-Language; common/language.ts). */
  readonly language: Language;
}

const CONTEXT_KEY = 'smt:request';

function newRequestContext(language: Language): RequestContext {
  return {
    resolvingScope: null,
    scope: null,
    transaction: new TransactionState(),
    loaders: new Map(),
    memos: new Map(),
    audit: null,
    sqlStatements: 0,
    language,
  };
}

/** The current request's context, or undefined outside a request (scripts, start-up, background jobs). */
export function currentRequestContext(): RequestContext | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.get<RequestContext | undefined>(CONTEXT_KEY) : undefined;
}

/** The current request's context; throws outside a request (fails closed). */
export function requestContext(): RequestContext {
  const context = currentRequestContext();
  if (!context) throw new Error('No request context: this code runs only inside a request');
  return context;
}

/**
 * Starts the context of a request inside the CLS context just opened for it (the CLS middleware's set-up), or
 * of a unit of work outside HTTP (runInNewRequestContext).
 */
export function startRequestContext(language: Language = DEFAULT_LANGUAGE): RequestContext {
  const context = newRequestContext(language);
  ClsServiceManager.getClsService().set(CONTEXT_KEY, context);
  return context;
}

/** Runs `work` in a fresh CLS context with a fresh request context (scripts, jobs, tests). */
export function runInNewRequestContext<T>(work: (context: RequestContext) => Promise<T>): Promise<T> {
  return ClsServiceManager.getClsService().run({ ifNested: 'override' }, () => work(startRequestContext()));
}

/**
 * Forgets what the request's loaders and shared reads hold (called as each root mutation starts): a mutation may
 * change what an earlier field of the same request read, and the root fields of a mutation run one after another.
 */
export function forgetRequestReads(): void {
  const context = currentRequestContext();
  context?.loaders.clear();
  context?.memos.clear();
}

/** The language of the current request's texts; English outside a request. */
export function requestLanguage(): Language {
  return currentRequestContext()?.language ?? DEFAULT_LANGUAGE;
}

/** The user behind a caller, or null for an anonymous request. */
export function userIdOf(caller: Caller | null): string | null {
  if (caller === null) return null;
  switch (caller.kind) {
    case 'user':
      return caller.userId;
    case 'apiKey':
      return null;
  }
}

/** The API key behind a caller, or null. */
export function apiKeyIdOf(caller: Caller | null): string | null {
  if (caller === null) return null;
  switch (caller.kind) {
    case 'user':
      return null;
    case 'apiKey':
      return caller.keyId;
  }
}
