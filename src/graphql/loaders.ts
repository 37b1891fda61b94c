import { Global, Injectable, Module } from '@nestjs/common';
import DataLoader from 'dataloader';
import { requestContext } from '../request';

/**
 * DataLoaders built fresh for each request (no cache shared between users or tenants): they live in the request
 * context. Batch functions run on the request's tenant transaction, like every other query of the request.
 */
@Injectable()
export class RequestLoaders {
  /** The request's loader named `name`, created on first use. Batch results must follow the keys' order. */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    const { loaders } = requestContext();
    let loader = loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      loaders.set(name, loader);
    }
    return loader;
  }
}

/** Provides RequestLoaders to every module. */
@Global()
@Module({ providers: [RequestLoaders], exports: [RequestLoaders] })
export class RequestLoadersModule {}

/** Groups rows by a key, in the order of `keys`: the usual shape of a one-to-many batch. */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}
