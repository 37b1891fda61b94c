import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROLE, OWNER_ROLE } from './roles';

/**
 * An applied migration must never change meaning, so a migration imports nothing live from src/ (a renamed
 * constant would silently rewrite what an old migration does on a new database). The runner may import the list
 * (database/migrate.ts → migrations/), never the other way round.
 */
const DIR = join(__dirname, '../../migrations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('migrations', () => {
  it('import only typeorm and each other, nothing from src/', () => {
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((file) =>
      importsOf(readFileSync(join(DIR, file), 'utf8'))
        .filter((spec) => spec !== 'typeorm' && !/^\.\/[\w.-]+$/.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds an import from src/ (the check above can fail)', () => {
    expect(importsOf(`import { APP_ROLE } from '../src/database/roles';\nconst x = require("../src/x");`)).toEqual([
      '../src/database/roles',
      '../src/x',
    ]);
  });

  it('grant to and revoke from only the two roles the set-up provisions, by their literal names', () => {
    const roles = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(DIR, file), 'utf8');
      for (const m of source.matchAll(/\b(?:TO|FROM)\s+(smt_\w+)/g)) roles.add(m[1]);
    }
    expect([...roles].sort()).toEqual([APP_ROLE, OWNER_ROLE].sort());
  });
});
