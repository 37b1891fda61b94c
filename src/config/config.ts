import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

// --- authentication and operations hardening (issue 13 items 3, 7, 9) ---

/**
 * Secrets that are public knowledge: the docker-compose example's, the development default of earlier versions
 * and the test suite's. Any of them in production means anyone can sign an OWNER token.
 */
export const KNOWN_PLACEHOLDER_SECRETS: readonly string[] = [
  'change-me-to-a-long-random-secret-of-32-chars-or-more',
  'dev-only-secret-change-me-dev-only-secret-change-me',
  'test-secret-test-secret-test-secret-1234',
];
const PLACEHOLDER_WORDS = /change[-_ .]?(me|it|this)|replace[-_ .]?(me|this)|placeholder|your[-_ .]?(jwt[-_ .]?)?secret|example|not[-_ .]?secret|insecure|^(secret|password)/i;
/** A random secret of 32+ characters has far more distinct characters than this (hex has 16). */
const MIN_DISTINCT_CHARACTERS = 12;

/** Why a production JWT secret is refused, or null when it looks like a real random secret. */
export function placeholderSecretProblem(secret: string): string | null {
  if (secret.length < 32) return 'must be at least 32 characters';
  if (KNOWN_PLACEHOLDER_SECRETS.includes(secret)) return 'is a published placeholder (docker-compose/development/test); use a random secret, e.g. `openssl rand -base64 48`';
  if (PLACEHOLDER_WORDS.test(secret)) return 'looks like a placeholder ("change me" and the like); use a random secret, e.g. `openssl rand -base64 48`';
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) return `has fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters: not a random secret`;
  return null;
}

/**
 * express's `trust proxy`: off (false) by default, so X-Forwarded-For is ignored and the peer address counts; a hop
 * count, or a comma-separated list of proxy addresses/subnets (and express's names loopback, linklocal, uniquelocal).
 * `true` (trust every hop) is refused: with it any client picks its own address.
 */
export type TrustProxy = false | number | string;
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(value: string | undefined): TrustProxy | { problem: string } {
  const v = (value ?? '').trim();
  if (v === '' || /^(false|off|no|0)$/i.test(v)) return false;
  if (/^(true|on|yes)$/i.test(v))
    return { problem: 'true would trust every client\'s X-Forwarded-For; give the hop count (e.g. 1) or the proxies\' addresses' };
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (TRUST_PROXY_NAMES.has(entry)) continue;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits) || (family === 4 && isIP(bits) === 4);
    if (family === 0 || !bitsOk || rest.length > 0)
      return { problem: `"${entry}" is not a hop count, an IP address, a subnet (a.b.c.d/n) or one of loopback, linklocal, uniquelocal` };
  }
  return entries.join(',');
}

const hardeningSchema = {
  TRUST_PROXY: z.string().optional(),
  /** Strict-Transport-Security on every response: set it when clients reach the service over TLS only. */
  HSTS: z.enum(['true', 'false']).default('false'),
  HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(2 * 365 * 86_400).default(365 * 86_400),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  SIGN_IN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(15 * 60),
  SIGN_IN_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  SIGN_IN_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(7 * 86_400).default(15 * 60),
};

// ---- Webhook settings (src/webhooks) ----
const WEBHOOK_ENV = {
  WEBHOOKS_DISPATCHER: z.enum(['on', 'off']).optional(),
  WEBHOOKS_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  WEBHOOKS_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOKS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WEBHOOKS_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
  WEBHOOKS_BACKOFF_FACTOR: z.coerce.number().min(1).max(10).default(4),
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** Ports an endpoint URL may use (comma list); any port with WEBHOOKS_ALLOW_PRIVATE=true. */
  WEBHOOKS_ALLOWED_PORTS: z
    .string()
    .default('443,8443')
    .transform((list, ctx) => {
      const ports = list.split(',').map((p) => p.trim());
      if (ports.some((p) => !/^\d{1,5}$/.test(p) || Number(p) < 1 || Number(p) > 65535)) {
        ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of ports (1-65535), e.g. 443,8443' });
        return z.NEVER;
      }
      return [...new Set(ports.map(Number))];
    }),
};

/** Private targets are for local development and tests: a production service must never call into its network. */
function refineWebhookEnv(
  env: { NODE_ENV: string; WEBHOOKS_ALLOW_PRIVATE: 'true' | 'false' },
  ctx: z.RefinementCtx,
): void {
  if (env.NODE_ENV === 'production' && env.WEBHOOKS_ALLOW_PRIVATE === 'true') {
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOKS_ALLOW_PRIVATE'],
      message: 'must not be true in production (it lets webhooks reach private and loopback addresses)',
    });
  }
}
// ---- end of webhook settings ----

/** Every setting the service reads, validated once at start. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    APP_DB_PASSWORD: z.string().min(1).optional(),
    /** A streaming hot standby of DATABASE_URL's database: GraphQL queries read there (src/tenancy, docs/scaling.md). */
    READ_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Shared rate limits (throttler, sign-in failures) and read-your-writes marks; in memory when unset. */
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'letters, digits and _ : . - only (at most 64)').default('smt:'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    DB_POOL_WAIT_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
    EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_ISSUER: z.string().min(1).default('social-maturity-api'),
    JWT_AUDIENCE: z.string().min(1).default('social-maturity-clients'),
    JWT_EXPIRES_IN_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(12 * 3600),
    RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(3000),
    RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(1200),
    RATE_LIMIT_SIGN_IN_PER_IP: z.coerce.number().int().min(1).default(30),
    BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(256),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ...WEBHOOK_ENV,
    // Query cost and response size (src/graphql/complexity.ts)
    MAX_QUERY_COST: z.coerce.number().int().min(1).max(10_000_000).default(25_000),
    MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(5 * 1024 * 1024),
    // Runs of a document on graphql-js before it is compiled (graphql/jit-executor.ts); "off": never compiled.
    GRAPHQL_COMPILE_AFTER_RUNS: z
      .union([z.literal('off'), z.coerce.number().int().min(0).max(1_000_000)])
      .default(1),
    // Diagnostics: the x-sql-statements response header (tests, benchmarks); never sent in production.
    SQL_STATEMENTS_HEADER: z.enum(['true', 'false']).default('false'),
    // Outgoing mail (src/mail): invitations and response links. Unset: no mail is sent, links are shown once instead.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587')
      .optional(),
    SMTP_FROM: z.string().min(3).max(320).default('Social Maturity <no-reply@localhost>'),
    // Campaigns (src/campaigns): the address response links point at, and the background closer.
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    CAMPAIGN_CLOSER: z.enum(['on', 'off']).optional(),
    CAMPAIGN_CLOSER_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(15_000),
    RESPONSE_LINK_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
    ...hardeningSchema,
  })
  .superRefine(refineWebhookEnv)
  .superRefine((env, ctx) => {
    const trustProxy = parseTrustProxy(env.TRUST_PROXY);
    if (typeof trustProxy === 'object') ctx.addIssue({ code: 'custom', path: ['TRUST_PROXY'], message: trustProxy.problem });
    if (env.SIGN_IN_DELAY_MAX_SECONDS < env.SIGN_IN_DELAY_SECONDS)
      ctx.addIssue({ code: 'custom', path: ['SIGN_IN_DELAY_MAX_SECONDS'], message: 'must not be below SIGN_IN_DELAY_SECONDS' });
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
      const problem = env.JWT_SECRET ? placeholderSecretProblem(env.JWT_SECRET) : null;
      if (problem) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: problem });
      if (!env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
      if (!env.APP_DATABASE_URL && !env.APP_DB_PASSWORD)
        ctx.addIssue({ code: 'custom', path: ['APP_DB_PASSWORD'], message: 'or APP_DATABASE_URL is required in production' });
    }
  });

export type Env = z.infer<typeof schema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl?: string;
  appDatabaseUrl?: string;
  appDbPassword: string;
  /** READ_DATABASE_URL: the read replica (as given; the service connects there as the app role). */
  readDatabaseUrl?: string;
  /** REDIS_URL and its key prefix; null: every limit is counted in this process's memory. */
  redis: { url: string; keyPrefix: string } | null;
  dbPoolSize: number;
  statementTimeoutMs: number;
  /** How long a request waits for a free connection before it is told the service is busy. */
  poolWaitMs: number;
  embedded: { dir: string; port: number };
  jwt: {
    /**
     * JWT_SECRET; when unset (never in production), createApp loads or creates a random secret in
     * `generatedSecretFile`, kept with the data it belongs to.
     */
    secret: string | undefined;
    generatedSecretFile: string;
    issuer: string;
    audience: string;
    expiresInSeconds: number;
  };
  /** express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For decides the client's address. */
  trustProxy: TrustProxy;
  /** Strict-Transport-Security max-age when HSTS=true, else null. */
  hstsMaxAgeSeconds: number | null;
  /** Failed sign-ins per email: after `maxFailures` within the window, growing delays (doubling up to the ceiling). */
  signInFailures: { maxFailures: number; windowSeconds: number; delaySeconds: number; maxDelaySeconds: number };
  logLevel: Env['LOG_LEVEL'];
  /** Requests per minute. */
  rateLimits: { perIp: number; perUser: number; signInPerIp: number };
  bodyLimitKb: number;
  /**
   * Webhook delivery: the background dispatcher (off by default under NODE_ENV=test), its polling, the retry
   * schedule (base * factor^(attempt-1) after a failed attempt) and whether private addresses are allowed.
   */
  webhooks: {
    dispatcher: boolean;
    pollIntervalMs: number;
    batchSize: number;
    timeoutMs: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffFactor: number;
    allowPrivate: boolean;
    /** Ports an endpoint URL may use (ignored with allowPrivate). */
    allowedPorts: readonly number[];
  };
  /**
   * Per GraphQL request: the highest estimated cost accepted (refused with QUERY_TOO_COMPLEX before any SQL), and
   * the largest response body sent (a larger one is replaced by a QUERY_TOO_COMPLEX error).
   */
  queryLimits: { maxCost: number; maxResponseBytes: number };
  /**
   * GraphQL execution compiled per document (graphql-jit): a document is compiled once it has run this many times
   * on graphql-js (0: on its first run); null: never compiled, every request on graphql-js.
   */
  graphqlCompileAfterRuns: number | null;
  /**
   * Whether each GraphQL response carries `x-sql-statements` (the request's SQL round trips): a diagnostic for the
   * query-budget tests, asked for with SQL_STATEMENTS_HEADER=true, and ignored under NODE_ENV=production.
   */
  sqlStatementsHeader: boolean;
  /** Outgoing mail: null without SMTP_URL (then nothing is sent). */
  mail: { url: string; from: string } | null;
  /**
   * Campaigns: the public base URL of response links (PUBLIC_URL, default http://localhost:<PORT>), the background
   * closer (on unless CAMPAIGN_CLOSER=off; off by default under NODE_ENV=test) and its interval, and how many unknown response tokens one IP may try
   * per minute before it is refused with RATE_LIMITED.
   */
  campaigns: { publicUrl: string; closer: boolean; closerIntervalMs: number; linkFailuresPerIp: number };
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    appDbPassword: e.APP_DB_PASSWORD ?? 'smt_app_dev_password',
    readDatabaseUrl: e.READ_DATABASE_URL,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : null,
    dbPoolSize: e.DB_POOL_SIZE,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    poolWaitMs: e.DB_POOL_WAIT_MS,
    embedded: { dir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
    jwt: {
      secret: e.JWT_SECRET,
      generatedSecretFile: e.DATABASE_URL
        ? path.resolve('.data', 'jwt-secret')
        : `${path.resolve(e.EMBEDDED_PG_DIR)}.jwt-secret`,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      expiresInSeconds: e.JWT_EXPIRES_IN_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    rateLimits: { perIp: e.RATE_LIMIT_PER_IP, perUser: e.RATE_LIMIT_PER_USER, signInPerIp: e.RATE_LIMIT_SIGN_IN_PER_IP },
    bodyLimitKb: e.BODY_LIMIT_KB,
    trustProxy: parseTrustProxy(e.TRUST_PROXY) as TrustProxy,
    hstsMaxAgeSeconds: e.HSTS === 'true' ? e.HSTS_MAX_AGE_SECONDS : null,
    signInFailures: {
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      windowSeconds: e.SIGN_IN_FAILURE_WINDOW_SECONDS,
      delaySeconds: e.SIGN_IN_DELAY_SECONDS,
      maxDelaySeconds: e.SIGN_IN_DELAY_MAX_SECONDS,
    },
    webhooks: {
      dispatcher: (e.WEBHOOKS_DISPATCHER ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
      pollIntervalMs: e.WEBHOOKS_POLL_INTERVAL_MS,
      batchSize: e.WEBHOOKS_BATCH_SIZE,
      timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
      maxAttempts: e.WEBHOOKS_MAX_ATTEMPTS,
      backoffBaseMs: e.WEBHOOKS_BACKOFF_BASE_MS,
      backoffFactor: e.WEBHOOKS_BACKOFF_FACTOR,
      allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === 'true',
      allowedPorts: e.WEBHOOKS_ALLOWED_PORTS,
    },
    queryLimits: { maxCost: e.MAX_QUERY_COST, maxResponseBytes: e.MAX_RESPONSE_BYTES },
    graphqlCompileAfterRuns: e.GRAPHQL_COMPILE_AFTER_RUNS === 'off' ? null : e.GRAPHQL_COMPILE_AFTER_RUNS,
    sqlStatementsHeader: e.SQL_STATEMENTS_HEADER === 'true' && e.NODE_ENV !== 'production',
    mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    campaigns: {
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      closer: (e.CAMPAIGN_CLOSER ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
      closerIntervalMs: e.CAMPAIGN_CLOSER_INTERVAL_MS,
      linkFailuresPerIp: e.RESPONSE_LINK_FAILURES_PER_IP,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
