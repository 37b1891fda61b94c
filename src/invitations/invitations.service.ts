import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config';
import { formatDateTime, label, text } from '../i18n';
import { Mailer } from '../mail';
import { requestLanguage, userIdOf } from '../request';
import { RequestScope, secretHash, TenantTransaction } from '../tenancy';
import type { Role } from '../common/roles';
import { TenantsService } from '../tenants';
import type { Tenant } from '../tenants';
import type { Invitation } from './invitation.model';
import { InvitationsRepository, type InvitationRecord } from './invitations.repository';

/** An invitation can be accepted for this many days. */
export const INVITATION_DAYS = 7;
export const MAX_LISTED_INVITATIONS = 200;
/** 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Nobody becomes a member without consent (issue 19): an OWNER or ADMIN invites an email in a role; the person
 * signed in with that email accepts the single-use token (mailed when SMTP_URL is set, else returned once).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly scope: RequestScope,
    private readonly tenants: TenantsService,
    private readonly mailer: Mailer,
    private readonly tx: TenantTransaction,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(rawEmail: string, role: Role): Promise<Invitation> {
    if (role === 'OWNER' && this.scope.role !== 'OWNER') {
      throw new ForbiddenError('Only an OWNER can invite an OWNER');
    }
    const email = rawEmail.trim().toLowerCase();
    if (await this.invitations.isMember(email)) throw new ConflictError('This person is already a member');
    const token = randomBytes(32).toString('base64url');
    const record = await this.invitations.insert(
      email,
      role,
      secretHash(token),
      userIdOf(this.scope.current.caller),
      INVITATION_DAYS,
    );
    const tenant = await this.tenants.current();
    // In the language of the request that sent it: the inviter asked in it, and most often shares it with the invitee.
    const language = requestLanguage();
    const values = {
      organisation: tenant.name,
      role: label(language, 'Role', role),
      email,
      link: `${this.config.campaigns.publicUrl}/invitations/${token}`,
      token,
      expiresAt: formatDateTime(language, record.expiresAt),
    };
    const message = {
      to: email,
      subject: text(language, 'mail.invitation.subject', { ...values, organisation: tenant.name.slice(0, 100) }),
      text: text(language, 'mail.invitation.body', values),
    };
    // Mailed only once the invitation committed: a rolled-back invitation mails no token that would not work.
    const mailed = this.mailer.configured;
    if (mailed) {
      this.tx.afterCommit(async () => {
        await this.mailer.send(message);
      });
    }
    return toInvitation(record, mailed ? null : token);
  }

  async list(): Promise<Invitation[]> {
    return (await this.invitations.list(MAX_LISTED_INVITATIONS)).map((r) => toInvitation(r, null));
  }

  async revoke(id: string): Promise<Invitation> {
    if (!isUuid(id)) throw new NotFoundError('Open invitation');
    const record = await this.invitations.revoke(id);
    if (!record) throw new NotFoundError('Open invitation');
    return toInvitation(record, null);
  }

  /** The signed-in user accepts: their email must match, once, before expiry. Returns the tenant, now selected. */
  async accept(token: string): Promise<Tenant> {
    if (!TOKEN_PATTERN.test(token)) throw new NotFoundError('Invitation');
    const { outcome, tenantId, role } = await this.invitations.accept(secretHash(token));
    switch (outcome) {
      case 'OK':
        await this.scope.enterNewTenant(tenantId!, role!);
        return this.tenants.current();
      case 'NOT_FOUND':
        throw new NotFoundError('Invitation');
      case 'WRONG_EMAIL':
        throw new ForbiddenError('This invitation is for another email address');
      case 'USED':
        throw new ConflictError('This invitation has already been used');
      case 'EXPIRED':
        throw new ConflictError('This invitation has expired; ask for a new one');
      case 'ALREADY_MEMBER':
        throw new ConflictError('You are already a member of this tenant');
    }
  }
}

function toInvitation(record: InvitationRecord, token: string | null): Invitation {
  return { ...record, token };
}
