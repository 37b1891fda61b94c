import { Global, Module } from '@nestjs/common';
import { TenantTransaction } from './tenant-transaction';
import { TenantTransactionPlugin } from './tenant-transaction.plugin';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';
import { RequestLoaders } from '../graphql/loaders';

@Global()
@Module({
  providers: [TenantTransaction, TenantTransactionPlugin, TenantTransactionInterceptor, RequestLoaders],
  exports: [TenantTransaction, TenantTransactionInterceptor, RequestLoaders],
})
export class TenancyModule {}
