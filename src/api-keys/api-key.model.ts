import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { API_KEY_SCOPES, type ApiKeyScopeName } from '../tenancy';

export const ApiKeyScopeEnum = Object.fromEntries(API_KEY_SCOPES.map((s) => [s, s])) as { [K in ApiKeyScopeName]: K };
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'What an API key may do in its tenant (least privilege: a key never manages members, keys or webhooks).',
  valuesMap: {
    READ: { description: 'Every tenant query a VIEWER may make.' },
    SUBMIT_ASSESSMENTS: { description: 'submitAssessment and scorePreview.' },
    MANAGE_FACTS: { description: "The organisation's facts: teams, team members, responsibilities, initiatives, profile." },
  },
});

@ObjectType('ApiKey', { description: "A tenant's API key for a system that calls the API; its secret is never shown again." })
export class ApiKey {
  @Field(() => ID, { description: "The key's id." })
  id!: string;

  @Field({ description: 'A name to recognise it by, e.g. the system that holds it.' })
  name!: string;

  @Field({ description: 'The first characters of the secret, to tell keys apart (not enough to use it).' })
  prefix!: string;

  @Field(() => [ApiKeyScopeEnum], { description: 'What the key may do.' })
  scopes!: ApiKeyScopeName[];

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working; null: never.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last used (written at most once a minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked key is refused at once.' })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new key and its secret, shown this once.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' })
  apiKey!: ApiKey;

  @Field({ description: 'The secret: send it as `Authorization: Bearer <secret>`. It is stored only as a hash.' })
  secret!: string;
}
