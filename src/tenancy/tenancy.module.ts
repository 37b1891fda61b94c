import { Global, Module } from '@nestjs/common';
import { ReadYourWrites } from './read-your-writes';
import { RequestScope } from './request-scope';
import { TenantTransaction } from './tenant-transaction';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';

@Global()
@Module({
  providers: [ReadYourWrites, TenantTransaction, RequestScope, TenantTransactionInterceptor],
  exports: [TenantTransaction, RequestScope, TenantTransactionInterceptor],
})
export class TenancyModule {}
