import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy';
import type { User } from './user.model';

/** The users table (accounts) through the request's transaction. */
@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Creates an account unless the email is taken (a unique index on lower(email)); null then. */
  async insertUnlessTaken(email: string, name: string, passwordHash: string): Promise<User | null> {
    const [row] = await this.query<User[]>(
      `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING id, email, name`,
      [email, name, passwordHash],
    );
    return row ?? null;
  }

  /** The account with this email (already lower-cased), with its password hash. */
  async findByEmail(email: string): Promise<(User & { passwordHash: string }) | null> {
    const [row] = await this.query<(User & { password_hash: string })[]>(
      'SELECT u.id, u.email, u.name, u.password_hash FROM users u WHERE lower(u.email) = $1',
      [email],
    );
    return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null;
  }

  async find(id: string): Promise<User | null> {
    const [row] = await this.query<User[]>('SELECT u.id, u.email, u.name FROM users u WHERE u.id = $1', [id]);
    return row ?? null;
  }

  /** The account with this id, with its password hash. */
  async findWithPasswordHash(id: string): Promise<(User & { passwordHash: string }) | null> {
    const [row] = await this.query<(User & { password_hash: string })[]>(
      'SELECT u.id, u.email, u.name, u.password_hash FROM users u WHERE u.id = $1',
      [id],
    );
    return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null;
  }

  /** Stores a new password hash and ends every session issued before `validAfter`. */
  async changePassword(id: string, passwordHash: string, validAfter: Date): Promise<void> {
    await this.query(`UPDATE users SET password_hash = $2, tokens_valid_after = $3 WHERE id = $1`, [id, passwordHash, validAfter]);
  }

  /** Ends every session issued before `validAfter` (tokens are checked against it when a request opens). */
  async endSessions(id: string, validAfter: Date): Promise<void> {
    await this.query(`UPDATE users SET tokens_valid_after = $2 WHERE id = $1`, [id, validAfter]);
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R> {
    const manager = await this.tx.manager();
    return manager.query<R>(sql, params);
  }
}
