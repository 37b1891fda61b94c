import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * The one Redis connection of a process (REDIS_URL), for state every instance must share: rate-limit counters,
 * sign-in failures, read-your-writes marks. Redis is an accelerator here, never a dependency of serving: every
 * command goes through `run`, which answers with the caller's fallback (the process's own memory) when Redis does
 * not answer at once, and says so once per outage (and once when it is back). Commands are never queued while
 * disconnected (enableOfflineQueue: false) and time out quickly, so a request never waits for a dead Redis; the
 * client keeps reconnecting in the background and `run` uses Redis again as soon as it answers.
 */
export class SharedRedis {
  private readonly logger = new Logger('Redis');
  private readonly client: Redis | null;
  private failing = false;
  /** Whether the connection was ever ready, and when it last came back after being lost (0: never lost). */
  private wasReady = false;
  private lostSince: number | null = null;
  private recoveredAt = 0;

  constructor(
    url: string | null,
    /** Prepended to every key (REDIS_KEY_PREFIX): several deployments or test runs share one Redis safely. */
    readonly keyPrefix: string,
    options: { commandTimeoutMs?: number; retryMs?: number } = {},
  ) {
    this.client = url
      ? new Redis(url, {
          lazyConnect: false,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: 1000,
          commandTimeout: options.commandTimeoutMs ?? 500,
          retryStrategy: () => options.retryMs ?? 500,
          // A reconnect after an outage must not replay anything: the fallback already answered.
          autoResendUnfulfilledCommands: false,
        })
      : null;
    // Without a listener an 'error' event would crash the process; outages are reported by `run`.
    this.client?.on('error', () => undefined);
    // A lost connection may mean a restarted Redis (it keeps nothing on disk) or writes recorded elsewhere meanwhile:
    // what Redis says about the time around it cannot be trusted (continuity, below).
    this.client?.on('close', () => {
      if (this.wasReady && this.lostSince === null) this.lostSince = Date.now();
    });
    this.client?.on('ready', () => {
      if (this.lostSince !== null) this.recoveredAt = Date.now();
      this.lostSince = null;
      this.wasReady = true;
      if (this.failing) {
        this.failing = false;
        this.logger.log('Redis answers again: shared limits are back in Redis');
      }
    });
  }

  /** Whether REDIS_URL is configured (not whether it answers right now). */
  get configured(): boolean {
    return this.client !== null;
  }

  /** Whether the last command failed and Redis has not come back since. */
  get isFailing(): boolean {
    return this.failing;
  }

  /**
   * Whether Redis has held its keys without a break for the last `ms` milliseconds, as far as this process saw: false
   * while the connection is lost or a command failed, and for `ms` after it came back (a restarted Redis has lost
   * what it held, and what other instances wrote meanwhile went to their own memory).
   */
  continuousFor(ms: number): boolean {
    if (!this.client || this.failing || this.lostSince !== null) return false;
    return this.recoveredAt === 0 || Date.now() - this.recoveredAt >= ms;
  }

  /** Runs `command` on Redis; without Redis, or when it fails, answers `fallback()` instead (logged once per outage). */
  async run<T>(command: (redis: Redis, key: (name: string) => string) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    if (!this.client) return fallback();
    try {
      const result = await command(this.client, (name) => this.keyPrefix + name);
      if (this.lostSince !== null) {
        this.recoveredAt = Date.now();
        this.lostSince = null;
      }
      if (this.failing) {
        this.failing = false;
        this.logger.log('Redis answers again: shared limits are back in Redis');
      }
      return result;
    } catch (error) {
      if (this.lostSince === null) this.lostSince = Date.now();
      if (!this.failing) {
        this.failing = true;
        this.logger.warn(
          `Redis does not answer (${error instanceof Error ? error.message : String(error)}): limits are counted in this ` +
            'process\'s memory until it is back (fail open)',
        );
      }
      return fallback();
    }
  }

  /** Defines a Lua script as a command on the connection (ioredis sends EVALSHA, and the script once if needed). */
  defineScript(name: string, numberOfKeys: number, lua: string): void {
    this.client?.defineCommand(name, { numberOfKeys, lua });
  }

  async close(): Promise<void> {
    if (!this.client) return;
    this.client.disconnect(false);
    await Promise.resolve();
  }
}
