import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy';
import type { ApiKeyScopeName } from '../tenancy';
import type { ApiKey } from './api-key.model';

interface Row {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScopeName[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at';

export interface NewApiKey {
  name: string;
  prefix: string;
  /** SHA-256 of the secret, hex. */
  secretHash: string;
  scopes: ApiKeyScopeName[];
  createdBy: string | null;
  expiresAt: Date | null;
}

/** The selected tenant's API keys (row-level security keeps them to it); the secret's hash is never read back. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(key: NewApiKey): Promise<ApiKey> {
    const manager = await this.tx.manager();
    const rows = await manager.query<Row[]>(
      `INSERT INTO api_keys (name, prefix, secret_hash, scopes, created_by, expires_at)
       VALUES ($1, $2, decode($3, 'hex'), $4::text[], $5, $6) RETURNING ${COLUMNS}`,
      [key.name, key.prefix, key.secretHash, key.scopes, key.createdBy, key.expiresAt],
    );
    return toApiKey(rows[0]);
  }

  /** Newest first, at most `limit`. */
  async list(limit: number): Promise<ApiKey[]> {
    const manager = await this.tx.manager();
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toApiKey);
  }

  /** Revokes a key (once: a revoked key keeps its first revocation time); null when there is no such key. */
  async revoke(id: string): Promise<ApiKey | null> {
    const manager = await this.tx.manager();
    const rows = await manager.query<Row[]>(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}
       )
       SELECT * FROM revoked UNION ALL SELECT ${COLUMNS} FROM api_keys WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM revoked)`,
      [id],
    );
    return rows.length === 0 ? null : toApiKey(rows[0]);
  }
}

function toApiKey(row: Row): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
