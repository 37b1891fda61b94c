import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_TARGET, Audited, type AuditTargetOf } from './audited.decorator';

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type'; // @nestjs/graphql's key: set by @Mutation on the method

/** Every root Mutation field of the application, as [resolver method name, method]. */
function mutations(): [string, (...args: unknown[]) => unknown][] {
  const src = join(__dirname, '..');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.resolver.ts'));
  return files.flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every resolver file, found at run time
    Object.values(require(join(src, file)) as Record<string, unknown>)
      .filter((value): value is { prototype: object } => typeof value === 'function')
      .flatMap((resolver) =>
        Object.getOwnPropertyNames(resolver.prototype).flatMap((name) => {
          const method = (resolver.prototype as Record<string, unknown>)[name];
          return typeof method === 'function' && Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) === 'Mutation'
            ? [[name, method as (...args: unknown[]) => unknown] as [string, (...args: unknown[]) => unknown]]
            : [];
        }),
      ),
  );
}

describe('@Audited: every mutation states its audit target', () => {
  it('is on every root Mutation field (the interceptor guesses nothing)', () => {
    const found = mutations();
    expect(found.length).toBeGreaterThanOrEqual(21);
    const missing = found.filter(([, method]) => typeof Reflect.getMetadata(AUDIT_TARGET, method) !== 'function');
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('reads the stated id and nothing else', () => {
    const target = (decorator: MethodDecorator): AuditTargetOf => {
      const holder = { m: (): void => undefined };
      const descriptor = Object.getOwnPropertyDescriptor(holder, 'm')!;
      decorator(holder, 'm', descriptor);
      return Reflect.getMetadata(AUDIT_TARGET, descriptor.value as object) as AuditTargetOf;
    };
    expect(target(Audited.result())({ id: 'arg' }, { id: 'r1' })).toBe('r1');
    expect(target(Audited.arg('id'))({ id: 'a1', input: { id: 'i1' } }, { id: 'r1' })).toBe('a1');
    expect(target(Audited.input('id'))({ id: 'a1', input: { id: 'i1' } }, { id: 'r1' })).toBe('i1');
    expect(target(Audited.input('id'))({}, { id: 'r1' })).toBeNull();
    expect(target(Audited.arg('id'))({ id: '' }, null)).toBeNull();
    expect(target(Audited.none())({ id: 'a1' }, { id: 'r1' })).toBeNull();
  });
});
