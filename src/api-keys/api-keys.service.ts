import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { userIdOf } from '../request';
import { API_KEY_PREFIX, secretHash } from '../tenancy';
import { RequestScope } from '../tenancy';
import type { ApiKey, CreatedApiKey } from './api-key.model';
import { ApiKeysRepository } from './api-keys.repository';
import type { CreateApiKeyArgs } from './dto/create-api-key.args';

/** A tenant lists at most this many keys (newest first). */
export const MAX_LISTED_KEYS = 200;
/** Characters of the secret after its fixed prefix shown in lists. */
const VISIBLE_CHARACTERS = 6;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly scope: RequestScope,
  ) {}

  /** A new key: 256 random bits after a recognisable prefix; the secret is returned here once, stored as its SHA-256. */
  async create(args: CreateApiKeyArgs): Promise<CreatedApiKey> {
    if (args.expiresAt && args.expiresAt.getTime() <= Date.now()) {
      throw BadUserInputError.field('expiresAt', 'must be in the future');
    }
    const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const apiKey = await this.keys.insert({
      name: args.name.trim() || args.name,
      prefix: secret.slice(0, API_KEY_PREFIX.length + VISIBLE_CHARACTERS),
      secretHash: secretHash(secret),
      scopes: [...new Set(args.scopes)],
      createdBy: userIdOf(this.scope.current.caller),
      expiresAt: args.expiresAt ?? null,
    });
    return { apiKey, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.list(MAX_LISTED_KEYS);
  }

  /** Revoked keys are refused from the next request on. Revoking twice returns the key as it is. */
  async revoke(id: string): Promise<ApiKey> {
    if (!isUuid(id)) throw new NotFoundError('API key');
    const key = await this.keys.revoke(id);
    if (!key) throw new NotFoundError('API key');
    return key;
  }
}
