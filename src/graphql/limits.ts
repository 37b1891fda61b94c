import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type ExecutionContext, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { RateLimitedError } from '../common/errors';
import type { AppConfig } from '../config/config';
import { ACCESS_RULE, type AccessRule } from '../tenancy/access.decorator';
import { requestOf } from '../tenancy/request';
import { SlidingLogStorage } from './rate-limit-storage';

/**
 * Limits on a GraphQL document, checked during validation (before any resolver and so before any SQL).
 * The numbers: the deepest legitimate query (a consultant's portfolio down to an assessment's previous
 * assessment's findings) is 7 levels and ~300 tokens; a dashboard uses a handful of aliases.
 */
export const DOCUMENT_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
} as const;

export function armorProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: DOCUMENT_LIMITS.maxDepth },
    maxAliases: { n: DOCUMENT_LIMITS.maxAliases },
    maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives },
    maxTokens: { n: DOCUMENT_LIMITS.maxTokens },
    costLimit: { maxCost: DOCUMENT_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect();
}

/**
 * graphql-armor's rejection messages, graphql-js's token cap and its "too many validation errors" abort; all
 * are mapped to QUERY_TOO_COMPLEX.
 */
export const ARMOR_REJECTION =
  /(depth limit|Aliases limit|Directives limit|Token limit|Cost limit) of \d+ exceeded|Document contains more than \d+ tokens|^Validation aborted/i;

/** Per-IP, per-user and (stricter) per-IP sign-in limits, each over one minute. */
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
      skipIf: (context) => !requestOf(context).user,
      getTracker: (req: Record<string, unknown>) => (req as { user?: { id: string } }).user?.id ?? 'anonymous',
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
 * The throttler on GraphQL and REST alike; one bucket per throttler and caller, not per operation. Its counts live
 * in a SlidingLogStorage (same rules as the package's storage, constant cost per request), one per application.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard implements OnApplicationShutdown {
  private readonly slidingLog = new SlidingLogStorage();

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    (this as unknown as { storageService: ThrottlerStorage }).storageService = this.slidingLog;
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
