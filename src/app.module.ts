import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { languageOf } from './common/language';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeysModule } from './api-keys';
import { AssessmentsModule } from './assessments';
import { AuthModule } from './auth';
import { JwtAuthGuard } from './auth';
import { Clock } from './common/clock';
import { createValidationPipe } from './common/validation-pipe';
import { SqlCounterLogger } from './database';
import { requestLogFields, responseLogFields } from './common/http-log';
import { GraphQLExceptionFilter } from './graphql';
import { RequestLoadersModule, TenantTransactionPluginModule } from './graphql';
import { startRequestContext } from './request';
import { APP_CONFIG, type AppConfig } from './config';
import { graphqlOptions } from './graphql';
import { AppThrottlerGuard, throttlers } from './graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { GrowthModule } from './growth';
import { HealthModule } from './health';
import { MailModule } from './mail';
import { AuditModule } from './audit';
import { DashboardModule } from './dashboard';
import { AccessGuard } from './tenancy';
import { TenancyModule } from './tenancy';
import { TenantTransactionInterceptor } from './tenancy';
import { TenantsModule } from './tenants';
import { TeamsModule } from './teams';
import { ResponsibilitiesModule } from './responsibilities';
import { InitiativesModule } from './initiatives';
import { PortfolioModule } from './portfolio';
import { BenchmarkModule } from './peer-benchmark';
import { ExportsModule } from './exports';
import { ReportsModule } from './reports';
import { WebhooksModule } from './webhooks';
import { RedisModule } from './redis';
import { ReadReplicaModule } from './database';
import { TargetsModule } from './targets';
import { RoadmapModule } from './roadmap';
import { ActionPlanModule } from './action-plan';
import { CampaignsModule } from './campaigns';
import { InvitationsModule } from './invitations';

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
            setup: (_cls, req: IncomingMessage, res: ServerResponse) => {
              const { transaction } = startRequestContext(languageOf(req.headers['accept-language']));
              res.on('close', () => void transaction.abandon());
            },
          },
        }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          // No entities: repositories send explicit SQL over the request's EntityManager (ARCHITECTURE.md).
          entities: [],
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
        RedisModule,
        ReadReplicaModule,
        TenancyModule,
        RequestLoadersModule,
        TenantTransactionPluginModule,
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
        ReportsModule,
        WebhooksModule,
        TargetsModule,
        RoadmapModule,
        ActionPlanModule,
        CampaignsModule,
        HealthModule,
        MailModule,
        AuditModule,
        DashboardModule.register(),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        Clock,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_INTERCEPTOR, useExisting: TenantTransactionInterceptor },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
