import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { UserEntity } from './auth/user.entity';
import { createValidationPipe } from './common/validation-pipe';
import { SqlCounterLogger } from './database/sql-counter';
import { requestLogFields, responseLogFields } from './common/http-log';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter';
import { RequestLoadersModule } from './graphql/loaders';
import { startRequestContext } from './request/request-context';
import { APP_CONFIG, type AppConfig } from './config/config';
import { graphqlOptions } from './graphql/graphql.options';
import { AppThrottlerGuard, throttlers } from './graphql/limits';
import { ThrottlerModule } from '@nestjs/throttler';
import { GrowthModule } from './growth/growth.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail';
import { AuditModule } from './audit/audit.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { AccessGuard } from './tenancy/access.guard';
import { TenancyModule } from './tenancy/tenancy.module';
import { TenantTransactionInterceptor } from './tenancy/tenant-transaction.interceptor';
import { MembershipEntity } from './tenants/membership.entity';
import { TenantEntity } from './tenants/tenant.entity';
import { TenantsModule } from './tenants/tenants.module';
import { InvitationsModule } from './invitations/invitations.module';
import { TeamsModule } from './teams/teams.module';
import { ResponsibilitiesModule } from './responsibilities/responsibilities.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { BenchmarkModule } from './peer-benchmark/benchmark.module';
import { ExportsModule } from './exports/exports.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The app role's URL: row-level security applies to every query. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            // Raw objects to small serializers (http-log.ts): no headers, nothing to redact.
            wrapSerializers: false,
            serializers: { req: requestLogFields, res: responseLogFields },
          },
        }),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: IncomingMessage & { id?: string }) => req.id ?? randomUUID(),
            // The request's one typed context (request/request-context.ts); its transaction is rolled back and
            // released when the response closes, if nobody ended it.
            setup: (_cls, _req, res: ServerResponse) => {
              const { transaction } = startRequestContext();
              res.on('close', () => void transaction.abandon());
            },
          },
        }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: [UserEntity, TenantEntity, MembershipEntity],
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          logger: new SqlCounterLogger(),
          extra: {
            max: config.dbPoolSize,
            statement_timeout: config.statementTimeoutMs,
            connectionTimeoutMillis: config.poolWaitMs,
            application_name: 'social-maturity-api',
          },
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        ThrottlerModule.forRoot({ throttlers: throttlers(config) }),
        TenancyModule,
        RequestLoadersModule,
        AuthModule,
        TenantsModule,
        InvitationsModule,
        ApiKeysModule,
        AssessmentsModule,
        GrowthModule,
        TeamsModule,
        ResponsibilitiesModule,
        InitiativesModule,
        PortfolioModule,
        BenchmarkModule,
        ExportsModule,
        WebhooksModule,
        HealthModule,
        MailModule,
        AuditModule,
        DashboardModule.register(),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_INTERCEPTOR, useExisting: TenantTransactionInterceptor },
      ],
      exports: [APP_CONFIG],
    };
  }
}
