import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Access } from '../tenancy';
import { MEMBERSHIP_ADMINS } from '../common/roles';
import { ApiKey, CreatedApiKey } from './api-key.model';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyArgs } from './dto/create-api-key.args';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKey], { description: "The selected tenant's API keys, newest first (OWNER, ADMIN); never their secrets." })
  @Access.tenant(MEMBERSHIP_ADMINS)
  apiKeys(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates an API key for the selected tenant (OWNER, ADMIN); its secret is shown in this response only.',
  })
  @Access.tenant(MEMBERSHIP_ADMINS)
  @Audited.none()
  createApiKey(@Args() args: CreateApiKeyArgs): Promise<CreatedApiKey> {
    return this.keys.create(args);
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key (OWNER, ADMIN): it is refused from the next request on.' })
  @Access.tenant(MEMBERSHIP_ADMINS)
  @Audited.arg('id')
  revokeApiKey(@Args('id', { type: () => ID, description: "The key's id." }) id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }
}
