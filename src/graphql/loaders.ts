import { Global, Injectable, Module } from '@nestjs/common';
import DataLoader from 'dataloader';
import { currentRequestContext, requestContext } from '../request';

/**
 * DataLoaders built fresh for each request (no cache shared between users or tenants): they live in the request
 * context. Batch functions run on the request's tenant transaction, like every other query of the request.
 */
@Injectable()
export class RequestLoaders {
  /** The request's loader named `name`, created on first use. Batch results must follow the keys' order. */
  get<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
    cacheKeyFn?: (key: K) => unknown,
  ): DataLoader<K, V> {
    const { loaders } = requestContext();
    let loader = loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, unknown>(batch, { maxBatchSize: 1000, cacheKeyFn });
      loaders.set(name, loader);
    }
    return loader;
  }

  /**
   * The request's value named `name`, made on first use (a read shared by the fields that need it); `alias` also
   * names it, for `made` (the latest value made under that alias).
   */
  once<T>(name: string, make: () => Promise<T>, alias?: string): Promise<T> {
    const { memos } = requestContext();
    let value = memos.get(name) as Promise<T> | undefined;
    if (!value) {
      value = make();
      memos.set(name, value);
      if (alias !== undefined) memos.set(alias, value);
    }
    return value;
  }

  /** The value `once` made (or is making) under this name or alias in this request, if any. */
  made<T>(name: string): Promise<T> | undefined {
    return currentRequestContext()?.memos.get(name) as Promise<T> | undefined;
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
