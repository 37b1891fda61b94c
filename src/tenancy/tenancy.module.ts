import { Global, Module } from '@nestjs/common';
import { ReadYourWrites } from './read-your-writes';
import { RequestScope } from './request-scope';
import { TenantTransaction } from './tenant-transaction';
import { TenantTransactionPlugin } from './tenant-transaction.plugin';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';

@Global()
@Module({
  providers: [ReadYourWrites, TenantTransaction, RequestScope, TenantTransactionPlugin, TenantTransactionInterceptor],
  exports: [TenantTransaction, RequestScope, TenantTransactionInterceptor],
})
export class TenancyModule {}
