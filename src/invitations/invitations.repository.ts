import { Injectable } from '@nestjs/common';
import type { Role } from '../common/roles';
import { TenantTransaction } from '../tenancy';

export interface InvitationRecord {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

interface Row {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, email, role, created_at, expires_at, accepted_at, revoked_at';

export type AcceptOutcome = 'OK' | 'NOT_FOUND' | 'WRONG_EMAIL' | 'USED' | 'EXPIRED' | 'ALREADY_MEMBER';

/** The selected tenant's invitations (row-level security), and the acceptance, which crosses into the invited tenant. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(email: string, role: Role, tokenHash: string, invitedBy: string | null, days: number): Promise<InvitationRecord> {
    const manager = await this.tx.manager();
    const rows = await manager.query<Row[]>(
      `INSERT INTO invitations (email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, decode($3, 'hex'), $4, now() + $5 * interval '1 day') RETURNING ${COLUMNS}`,
      [email, role, tokenHash, invitedBy, days],
    );
    return toRecord(rows[0]);
  }

  /** Whether an account with this email is a member of the selected tenant already. */
  async isMember(email: string): Promise<boolean> {
    const manager = await this.tx.manager();
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = app_current_tenant() AND lower(u.email) = $1`,
      [email],
    );
    return rows.length > 0;
  }

  /** Newest first, at most `limit`. */
  async list(limit: number): Promise<InvitationRecord[]> {
    const manager = await this.tx.manager();
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM invitations ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toRecord);
  }

  /** Revokes an open invitation; null when there is none with this id that is still open. */
  async revoke(id: string): Promise<InvitationRecord | null> {
    const manager = await this.tx.manager();
    const rows = await manager.query<Row[]>(
      // A SELECT over the UPDATE: the driver returns its rows as is (an UPDATE's come back with a count).
      `WITH revoked AS (
         UPDATE invitations SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND accepted_at IS NULL
         RETURNING ${COLUMNS}
       ) SELECT * FROM revoked`,
      [id],
    );
    return rows.length === 0 ? null : toRecord(rows[0]);
  }

  /** accept_invitation() (SECURITY DEFINER, migration 1764150016000): for the signed-in user, once, before expiry. */
  async accept(tokenHash: string): Promise<{ outcome: AcceptOutcome; tenantId: string | null; role: Role | null }> {
    const manager = await this.tx.manager();
    const rows = await manager.query<{ outcome: AcceptOutcome; tenant_id: string | null; role: Role | null }[]>(
      `SELECT outcome, tenant_id, role FROM accept_invitation(decode($1, 'hex'))`,
      [tokenHash],
    );
    return { outcome: rows[0].outcome, tenantId: rows[0].tenant_id, role: rows[0].role };
  }
}

function toRecord(row: Row): InvitationRecord {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}
