import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type ExecutionContext, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { RateLimitedError } from '../common/errors';
import type { AppConfig } from '../config';
import { ACCESS_RULE, type AccessRule } from '../tenancy';
import { requestOf } from '../tenancy';
import { SharedRedis } from '../redis';
import { SharedThrottlerStorage, SlidingLogStorage } from './rate-limit-storage';

/**
 * Limits on a GraphQL document, checked during validation (before any resolver and so before any SQL).
 * The numbers: the deepest legitimate query (a consultant's portfolio down to an assessment's previous
 * assessment's findings) is 7 levels and ~300 tokens; a dashboard uses a handful of aliases. The cost of an
 * operation (list sizes multiplied in) is limited by complexity.plugin.ts (MAX_QUERY_COST), not here.
 */
export const DOCUMENT_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
} as const;

export function armorProtection() {
  const armor = new ApolloArmor({
    // Depth is limited by depthLimitRule (introspection included); the cost by complexity.plugin.ts.
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxAliases: { n: DOCUMENT_LIMITS.maxAliases },
    maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives },
    maxTokens: { n: DOCUMENT_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return { ...protection, validationRules: [...protection.validationRules, depthLimitRule(DOCUMENT_LIMITS.maxDepth)] };
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * The depth of every operation, introspection included (graphql-armor's rule skips `__schema`), counted in fields:
 * fragments add no level of their own. Within introspection, `ofType` adds no level: it unwraps a list or non-null
 * type, a chain that ends after at most three steps here and fans out nowhere; counted, the standard introspection
 * query (graphql-js's, the landing page's) would be 15 levels deep. Every other introspection level counts, so
 * `__schema { types { fields { type { fields { ... } } } } }`, which multiplies, is held to the same 10 levels.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragmentDepths = new Map<string, number>();
    const depthOf = (selectionSet: SelectionSetNode, introspection: boolean, open: Set<string>): number => {
      let depth = 0;
      for (const node of selectionSet.selections) {
        if (node.kind === Kind.FIELD) {
          const inside = introspection || INTROSPECTION_ROOTS.has(node.name.value);
          const own = inside && node.name.value === 'ofType' ? 0 : 1;
          depth = Math.max(depth, own + (node.selectionSet ? depthOf(node.selectionSet, inside, open) : 0));
        } else if (node.kind === Kind.INLINE_FRAGMENT) {
          depth = Math.max(depth, depthOf(node.selectionSet, introspection, open));
        } else {
          const key = `${node.name.value}:${introspection}`;
          let fragmentDepth = fragmentDepths.get(key);
          if (fragmentDepth === undefined) {
            const fragment = context.getFragment(node.name.value);
            // A fragment cycle (refused by NoFragmentCyclesRule) or an unknown fragment adds nothing here.
            if (!fragment || open.has(key)) continue;
            open.add(key);
            fragmentDepth = depthOf(fragment.selectionSet, introspection, open);
            open.delete(key);
            fragmentDepths.set(key, fragmentDepth);
          }
          depth = Math.max(depth, fragmentDepth);
        }
      }
      return depth;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, false, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query depth limit of ${maxDepth} exceeded, found ${depth}.`, { nodes: [operation] }));
        }
        return false;
      },
    };
  };
}

/**
 * graphql-armor's rejection messages (and depthLimitRule's, worded like them), graphql-js's token cap and its
 * "too many validation errors" abort; all are mapped to QUERY_TOO_COMPLEX.
 */
export const ARMOR_REJECTION =
  /(depth limit|Aliases limit|Directives limit|Token limit) of \d+ exceeded|Document contains more than \d+ tokens|^Validation aborted/i;

/** Per-IP, per-user (and per API key) and (stricter) per-IP sign-in limits, each over one minute. */
export function throttlers(config: AppConfig): ThrottlerOptions[] {
  const minute = 60_000;
  const ruleOf = (context: ExecutionContext) =>
    Reflect.getMetadata(ACCESS_RULE, context.getHandler()) as AccessRule | undefined;
  return [
    { name: 'ip', ttl: minute, limit: config.rateLimits.perIp },
    {
      name: 'user',
      ttl: minute,
      limit: config.rateLimits.perUser,
      // A user by id; an API key by (a prefix of) its hash, known before the key is looked up: each key its own bucket.
      skipIf: (context) => !requestOf(context).user && !requestOf(context).apiKey,
      getTracker: (req: Record<string, unknown>) => {
        const { user, apiKey } = req as { user?: { id: string }; apiKey?: { hash: string } };
        return user?.id ?? (apiKey ? `api-key:${apiKey.hash.slice(0, 32)}` : 'anonymous');
      },
    },
    {
      name: 'sign-in',
      ttl: minute,
      limit: config.rateLimits.signInPerIp,
      skipIf: (context) => ruleOf(context)?.kind !== 'public' || context.getType<GqlContextType>() !== 'graphql',
    },
  ];
}

/**
 * The throttler on GraphQL and REST alike; one bucket per throttler and caller, not per operation. With REDIS_URL its
 * counts live in Redis, shared by every instance (SharedThrottlerStorage); without it, or while Redis does not
 * answer, in this process's SlidingLogStorage (same rules as the package's storage, constant cost per request).
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard implements OnApplicationShutdown {
  private readonly slidingLog = new SlidingLogStorage();
  @Inject(SharedRedis) private readonly redis!: SharedRedis;

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    (this as unknown as { storageService: ThrottlerStorage }).storageService = this.redis.configured
      ? new SharedThrottlerStorage(this.redis, this.slidingLog)
      : this.slidingLog;
  }

  onApplicationShutdown(): void {
    this.slidingLog.close();
  }

  protected override getRequestResponse(context: ExecutionContext) {
    const req = requestOf(context);
    return { req: req as unknown as Record<string, unknown>, res: req.res as unknown as Record<string, unknown> };
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    return Promise.resolve(String((req as { ip?: string }).ip ?? 'unknown'));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimitedError(undefined, Math.max(1, detail.timeToBlockExpire));
  }
}
