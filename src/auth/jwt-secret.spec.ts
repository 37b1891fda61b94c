import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateJwtSecret } from './jwt-secret';

describe('loadOrCreateJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'smt-jwt-secret-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('creates 256 random bits in a 0600 file on the first start and returns the same secret on every restart', async () => {
    const file = path.join(dir, 'data', 'postgres.jwt-secret');
    const first = await loadOrCreateJwtSecret(file);
    expect(first.created).toBe(true);
    expect(Buffer.from(first.secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateJwtSecret(file);
    expect(again).toEqual({ secret: first.secret, file, created: false });
  });

  it('gives each data folder its own secret', async () => {
    const a = await loadOrCreateJwtSecret(path.join(dir, 'a.jwt-secret'));
    const b = await loadOrCreateJwtSecret(path.join(dir, 'b.jwt-secret'));
    expect(a.secret).not.toBe(b.secret);
  });

  it('ends with one secret when several processes start at once', async () => {
    const file = path.join(dir, 'race.jwt-secret');
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateJwtSecret(file)));
    expect(new Set(results.map((r) => r.secret)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await fs.readdir(dir)).sort()).toEqual(['race.jwt-secret']);
  });

  it('tightens a loosened mode, replaces an empty file and refuses a short one', async () => {
    const file = path.join(dir, 's.jwt-secret');
    const { secret } = await loadOrCreateJwtSecret(file);
    await fs.chmod(file, 0o644);
    expect((await loadOrCreateJwtSecret(file)).secret).toBe(secret);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    await fs.writeFile(file, '');
    const replaced = await loadOrCreateJwtSecret(file);
    expect(replaced.created).toBe(true);
    expect(replaced.secret).not.toBe(secret);

    await fs.writeFile(file, 'short');
    await expect(loadOrCreateJwtSecret(file)).rejects.toThrow(/holds a JWT secret of 5 characters/);
  });
});
