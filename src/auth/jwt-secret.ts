import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config';

export interface GeneratedSecret {
  secret: string;
  file: string;
  /** true when this call made the file (first start on this data folder). */
  created: boolean;
}

/** 32 random bytes, base64url: 256 bits in 43 characters. */
const SECRET_BYTES = 32;
const MIN_STORED_LENGTH = 43;

/**
 * The signing secret of a data folder that has no JWT_SECRET: read from `file`, or, on the first start, 256 random
 * bits written there with mode 0600. Creation is atomic (a private temp file hard-linked into place), so two
 * processes starting at once end with the same secret. The file goes with the data: a new data folder means new
 * accounts and a new secret, so no token outlives its users.
 */
export async function loadOrCreateJwtSecret(file: string): Promise<GeneratedSecret> {
  const existing = await readSecret(file);
  if (existing !== null) return { secret: existing, file, created: false };
  await fs.mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temp, file);
    return { secret, file, created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Another process won the race (or an empty file from a crash sits there): use what is there if it is valid.
    const theirs = await readSecret(file);
    if (theirs !== null) return { secret: theirs, file, created: false };
    await fs.rename(temp, file);
    return { secret, file, created: true };
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** The stored secret, null when there is no file or an empty one (a crash between create and write). */
async function readSecret(file: string): Promise<string | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const secret = text.trim();
  if (secret === '') return null;
  if (secret.length < MIN_STORED_LENGTH) {
    throw new Error(
      `${file} holds a JWT secret of ${secret.length} characters, not a generated one: delete the file or set JWT_SECRET`,
    );
  }
  // Whoever loosened the mode (a copy, an archive) gets it tightened again: the secret signs OWNER tokens.
  const { mode } = await fs.stat(file);
  if ((mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  return secret;
}

/** The secret the application signs with; createApp resolves a missing JWT_SECRET before anything reads it. */
export function jwtSecretOf(config: AppConfig): string {
  const secret = config.jwt.secret;
  if (!secret) throw new Error('No JWT secret: createApp loads or creates one when JWT_SECRET is unset');
  return secret;
}
