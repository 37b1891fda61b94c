import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded';
import { runMigrations } from '../../src/database/migrate';
import { appUrlFor, provisionRoles, withDatabase } from '../../src/database/provision';

export const BENCH_DATABASE = 'smt_bench';
export const RESCORE_DATABASE = 'smt_bench_rescore';
export const APP_PASSWORD = 'smt_app_bench_password';

export interface BenchServer {
  /** Superuser URL of the server's maintenance database. */
  serverUrl: string;
  embedded: boolean;
  /** The postmaster's pid when we know it (embedded): its children's CPU is the database's CPU. */
  postmasterPid: number | null;
  version: string;
  stop: () => Promise<void>;
}

/** DATABASE_URL's server (the URL's user must be a superuser: data is written past row-level security), else embedded. */
export async function startServer(options: { dir: string; port: number }, log: (l: string) => void): Promise<BenchServer> {
  const given = process.env.DATABASE_URL;
  if (given) {
    return { serverUrl: given, embedded: false, postmasterPid: await localPostmasterPid(given), version: await versionOf(given), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: options.dir, port: options.port, log });
  const serverUrl = server.adminUrl();
  return { serverUrl, embedded: true, postmasterPid: postmasterPidIn(server.dataDir), version: await versionOf(serverUrl), stop: server.stop };
}

/** The pid in a data directory's postmaster.pid (its first line), or null when it cannot be read. */
function postmasterPidIn(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

/**
 * DATABASE_URL's postmaster when that server runs on this machine and its data directory is readable (the bench
 * runs as root or as the server's user): then the database's CPU is measured as for the embedded server.
 */
async function localPostmasterPid(url: string): Promise<number | null> {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(url).hostname)) return null;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    return postmasterPidIn(rows[0].dir);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

async function versionOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return rows[0].v;
  } finally {
    await client.end();
  }
}

/** A fresh database (dropped and created again), with the roles and every migration. */
export async function freshDatabase(serverUrl: string, name: string): Promise<{ adminUrl: string; appUrl: string }> {
  const maintenance = new Client({ connectionString: serverUrl });
  await maintenance.connect();
  try {
    await maintenance.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await maintenance.query(`CREATE DATABASE ${name}`);
  } finally {
    await maintenance.end();
  }
  const adminUrl = withDatabase(serverUrl, name);
  await provisionRoles(adminUrl, APP_PASSWORD);
  await runMigrations(adminUrl);
  return { adminUrl, appUrl: appUrlFor(adminUrl, APP_PASSWORD) };
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
