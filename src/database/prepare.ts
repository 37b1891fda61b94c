import type { AppConfig } from '../config';
import { startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';
import { appUrlFor, ensureDatabase, provisionRoles, withDatabase } from './provision';

export interface PreparedDatabase {
  /** The URL the service connects with: the app role, subject to row-level security. */
  appUrl: string;
  /** The owner/admin URL used for set-up and migrations. */
  adminUrl: string;
  embedded: boolean;
  close: () => Promise<void>;
}

const EMBEDDED_DATABASE = 'social_maturity';

/**
 * Everything the service needs before it starts: a server (DATABASE_URL, else an embedded one), the two roles,
 * and the schema at the latest migration.
 */
export async function prepareDatabase(
  config: AppConfig,
  log: (line: string) => void = () => undefined,
): Promise<PreparedDatabase> {
  let adminUrl = config.databaseUrl;
  let close = (): Promise<void> => Promise.resolve();
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: config.embedded.dir, port: config.embedded.port, log });
    await ensureDatabase(server.adminUrl(), EMBEDDED_DATABASE);
    adminUrl = server.adminUrl(EMBEDDED_DATABASE);
    close = server.stop;
  }
  if (!config.appDatabaseUrl) await provisionRoles(adminUrl, config.appDbPassword);
  await runMigrations(adminUrl, log);
  return {
    adminUrl,
    appUrl: config.appDatabaseUrl ?? appUrlFor(adminUrl, config.appDbPassword),
    embedded: !config.databaseUrl,
    close,
  };
}

export { withDatabase };
