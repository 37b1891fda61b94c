import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promises as fs, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ENV } from '../helpers/app';
import { freePort, postGraphQL } from '../helpers/server-process';

/**
 * Issue 13.9: after a SIGKILL, `npm start` failed on its own data folder ("lock file postmaster.pid already
 * exists"): the killed run's embedded PostgreSQL lives on. The built service (dist/) is started as `npm start`
 * does, without DATABASE_URL, on a data folder and port of its own.
 */
const PG_PORT = Number(process.env.FAULTS_RECOVERY_PG_PORT ?? 54393);

interface Run {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

describe('embedded PostgreSQL after a killed run', () => {
  let root: string;
  let dataDir: string;
  let run: Run | null = null;

  const start = async (): Promise<Run> => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, ...TEST_ENV };
    delete env.JWT_SECRET; // the generated secret of the data folder, as `npm start` uses it
    delete env.DATABASE_URL;
    delete env.APP_DATABASE_URL;
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/src/main.js')], {
      cwd: path.resolve(__dirname, '../..'),
      env: {
        ...env,
        LOG_LEVEL: 'info',
        PORT: String(port),
        HOST: '127.0.0.1',
        EMBEDDED_PG_DIR: dataDir,
        EMBEDDED_PG_PORT: String(PG_PORT),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${log}`);
      if (
        await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return { child, url, output: () => log, exited };
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`the service did not start:\n${log}`);
  };

  const kill = async (r: Run) => {
    r.child.kill('SIGKILL');
    await r.exited;
  };

  const postmasterPid = async () =>
    Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  /** Running (a zombie waiting for a parent that does not reap it is not). */
  const alive = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
    } catch {
      return false;
    }
  };
  const stopPostmaster = async (pid: number) => {
    process.kill(pid, 'SIGINT');
    while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'smt-recovery-'));
    // As root the server runs as the postgres OS user, which must reach the folder.
    return fs.chmod(root, 0o755).then(() => {
      dataDir = path.join(root, 'postgres');
    });
  });

  afterAll(async () => {
    if (run) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    const pid = await postmasterPid().catch(() => 0);
    if (pid && alive(pid)) await stopPostmaster(pid);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('stops the orphaned server of its own folder and starts, with the data and the generated JWT secret kept', async () => {
    run = await start();
    const email = `${randomUUID()}@example.test`;
    const signUp = await postGraphQL(
      run.url,
      `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`,
      {
        i: { email, password: 'recovery password', name: 'R' },
      },
    );
    const { token, user } = signUp.body.data.signUp as { token: string; user: { id: string } };

    await kill(run);
    const orphan = await postmasterPid();
    expect(alive(orphan)).toBe(true); // the attack's precondition: the killed run's server lives on

    run = await start();
    expect(alive(orphan)).toBe(false);
    expect(run.output()).toMatch(/stopping the server left running by a killed run \(PID \d+\)/);
    const me = await postGraphQL(run.url, `{ me { id } }`, {}, { authorization: `Bearer ${token}` });
    expect(me.body.data?.me.id).toBe(user.id);
  });

  it('starts over a stale postmaster.pid whose PID is gone or now another program', async () => {
    await kill(run!);
    run = null;
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const lock = await fs.readFile(pidFile, 'utf8');
    await stopPostmaster(Number(lock.split('\n')[0]));
    const [, ...rest] = lock.split('\n');

    // A PID that exited.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.once('exit', r));
    await fs.writeFile(pidFile, [String(gone.pid), ...rest].join('\n'));
    run = await start();
    await kill(run);
    run = null;
    await stopPostmaster(await postmasterPid());

    // A PID that is alive but no PostgreSQL (after a reboot, numbers are handed out again): this test's own process.
    await fs.writeFile(pidFile, [String(process.pid), ...rest].join('\n'));
    run = await start();
    expect(run.output()).toMatch(/removing the stale .*postmaster\.pid/);
    const res = await postGraphQL(run.url, `{ __typename }`, {});
    expect(res.body.data).toEqual({ __typename: 'Query' });
  });
});
