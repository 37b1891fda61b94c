import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { APP_ROLE } from './roles';

/** After a failed connection the replica is left alone this long (reads go to the primary meanwhile). */
const RETRY_AFTER_MS = 1000;

/**
 * The app role's URL on the replica (READ_DATABASE_URL): as given when it already names the app role; otherwise the
 * replica's host, port and database with the app role's credentials (a streaming replica has the primary's roles).
 */
export function replicaAppUrl(config: Pick<AppConfig, 'readDatabaseUrl' | 'appDatabaseUrl' | 'appDbPassword'>): string | null {
  if (!config.readDatabaseUrl) return null;
  const url = new URL(config.readDatabaseUrl);
  if (decodeURIComponent(url.username) === APP_ROLE) return url.toString();
  const app = config.appDatabaseUrl ? new URL(config.appDatabaseUrl) : null;
  url.username = app ? app.username : APP_ROLE;
  url.password = app ? app.password : config.appDbPassword;
  return url.toString();
}

/**
 * The second pool (READ_DATABASE_URL): a DataSource on the hot standby with the primary's entities and settings.
 * It connects lazily and is never required: when it is not configured, cannot be reached or refuses a connection,
 * `runner()` answers null and the caller reads from the primary; after a failure it is retried a second later.
 */
@Injectable()
export class ReadReplica implements OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplica');
  private readonly url: string | null;
  private source: DataSource | null = null;
  private initializing: Promise<DataSource | null> | null = null;
  private downUntil = 0;
  private down = false;

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.url = replicaAppUrl(config);
  }

  get configured(): boolean {
    return this.url !== null;
  }

  /** The replica's DataSource once connected (for its logger and metadata), else null. */
  get dataSource(): DataSource | null {
    return this.source?.isInitialized ? this.source : null;
  }

  /** A connected query runner on the replica, or null (not configured, or down: read from the primary). */
  async runner(): Promise<QueryRunner | null> {
    if (!this.url || Date.now() < this.downUntil) return null;
    const source = await this.connected();
    if (!source) return null;
    const runner = source.createQueryRunner();
    try {
      await runner.connect();
      this.markUp();
      return runner;
    } catch (error) {
      await runner.release().catch(() => undefined);
      this.markDown(error);
      return null;
    }
  }

  /** A failure that says the replica is unreachable: reads go to the primary for a while. */
  markDown(error: unknown): void {
    this.downUntil = Date.now() + RETRY_AFTER_MS;
    if (this.down) return;
    this.down = true;
    this.logger.warn(`read replica unavailable (${error instanceof Error ? error.message : String(error)}): reads go to the primary`);
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log('read replica available again: queries read there');
  }

  private connected(): Promise<DataSource | null> {
    if (this.source?.isInitialized) return Promise.resolve(this.source);
    this.initializing ??= (async () => {
      const options = this.primary.options;
      const extra = (options as { extra?: Record<string, unknown> }).extra ?? {};
      const source = new DataSource({
        ...options,
        url: this.url,
        entities: this.primary.entityMetadatas.map((m) => m.target),
        migrations: [],
        extra: { ...extra, application_name: 'social-maturity-api-replica' },
      } as DataSourceOptions);
      try {
        await source.initialize();
        this.source = source;
        this.markUp();
        return source;
      } catch (error) {
        await source.destroy().catch(() => undefined);
        this.markDown(error);
        return null;
      } finally {
        this.initializing = null;
      }
    })();
    return this.initializing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.initializing?.catch(() => undefined);
    if (this.source?.isInitialized) await this.source.destroy();
  }
}

@Global()
@Module({ providers: [ReadReplica], exports: [ReadReplica] })
export class ReadReplicaModule {}
