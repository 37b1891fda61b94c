import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Global, Module, type DynamicModule, type ForwardReference, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import type { Client } from 'pg';
import { APP_CONFIG, loadConfig } from '../../src/config';
import { ReadReplicaModule, SqlCounterLogger } from '../../src/database';
import { RedisModule } from '../../src/redis';
import { RequestLoadersModule } from '../../src/graphql';
import { TenancyModule } from '../../src/tenancy';
import { adminClient } from '../helpers/db';
import { testUrls } from '../setup/test-database';

/** The configuration the service's providers read (no REDIS_URL, no replica: in-process limits, one pool). */
@Global()
@Module({ providers: [{ provide: APP_CONFIG, useValue: loadConfig({ NODE_ENV: 'test' }) }], exports: [APP_CONFIG] })
class MediumConfigModule {}

/**
 * The "medium" tier: services with their real providers and repositories on the test database (as the app role,
 * row-level security on), inside a request context (src/request/), with no HTTP and no GraphQL in between.
 */
export async function mediumModule(...imports: (Type | DynamicModule | ForwardReference)[]): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ClsModule.forRoot({ global: true }),
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: testUrls().appUrl,
        synchronize: false,
        logger: new SqlCounterLogger(),
        extra: { max: 4, application_name: 'medium-tests' },
      }),
      MediumConfigModule,
      RedisModule,
      ReadReplicaModule,
      TenancyModule,
      RequestLoadersModule,
      ...imports,
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

/** A user, a tenant with a profile, and the user's membership in it (seeded as the owner role, past RLS). */
export async function seedTenant(admin: Client, role = 'OWNER'): Promise<{ userId: string; tenantId: string }> {
  const userId = await seedUser(admin);
  const tenantId = randomUUID();
  await admin.query(
    `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations)
     VALUES ($1, 'Medium Ltd', 120, ARRAY['MARKETING','SALES'], 'MIXED', 'B2B', 2)`,
    [tenantId],
  );
  await admin.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [tenantId, userId, role]);
  return { userId, tenantId };
}

export async function seedUser(admin: Client): Promise<string> {
  const { rows } = await admin.query<{ id: string }>(
    `INSERT INTO users (email, name, password_hash) VALUES ($1, 'Medium', 'x') RETURNING id`,
    [`medium-${randomUUID()}@example.test`],
  );
  return rows[0].id;
}

export { adminClient };
