import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Field resolvers run no guards (the GraphQL module sets no fieldResolverEnhancers), so an @Access rule on one
 * would be a promise nobody keeps. The rule of a Tenant's own fields is requireSelectedTenant (selected-tenant.ts).
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Decorator names stacked on each @ResolveField method (the decorators between it and the method name). */
export function accessOnFieldResolvers(source: string): number {
  const blocks = source.split(/^\s*@ResolveField\(/m).slice(1);
  return blocks.filter((block) => {
    const method = block.search(/^\s{2}(?:async\s+)?\w+\(/m);
    return /@Access\./.test(method === -1 ? block : block.slice(0, method));
  }).length;
}

describe('field resolvers', () => {
  it('carry no @Access rule (it would do nothing)', () => {
    const offending = sources(join(__dirname, '..')).filter((file) => accessOnFieldResolvers(readFileSync(file, 'utf8')) > 0);
    expect(offending).toEqual([]);
  });

  it('the scan finds an @Access rule on a field resolver (the check above can fail)', () => {
    const sample = `  @ResolveField(() => [Team], {\n    description: 'x',\n  })\n  @Access.tenant(ALL_ROLES)\n  teams(@Parent() t: Tenant) {}\n  @Query(() => X)\n  @Access.user()\n  me() {}\n`;
    expect(accessOnFieldResolvers(sample)).toBe(1);
  });

  it('each tenant-owned field of Tenant checks the selected tenant', () => {
    const calls = sources(join(__dirname, '..'))
      .map((file) => readFileSync(file, 'utf8'))
      .flatMap((source) => [...source.matchAll(/requireSelectedTenant\(tenant, '(\w+)'\)/g)].map((m) => m[1]));
    expect(calls.sort()).toEqual(
      [
        'growth', 'initiatives', 'latestAssessment', 'members', 'responsibilities', 'teams', 'unownedResponsibilities',
        'target', 'roadmap', 'actions', 'campaigns',
      ].sort(),
    );
  });
});
