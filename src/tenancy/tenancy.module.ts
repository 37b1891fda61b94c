import { Global, Module } from '@nestjs/common';
import { TenantTransaction } from './tenant-transaction';
import { TenantTransactionPlugin } from './tenant-transaction.plugin';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';

@Global()
@Module({
  providers: [TenantTransaction, TenantTransactionPlugin, TenantTransactionInterceptor],
  exports: [TenantTransaction, TenantTransactionInterceptor],
})
export class TenancyModule {}
