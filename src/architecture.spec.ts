import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The rules of .dependency-cruiser.cjs (ARCHITECTURE.md, "What may import what") hold for the tree, and each of
 * them fails when an arrow goes wrong: a rule that cannot fail is no rule.
 */
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string, paths: string[]): Violation[] {
  const out = execFileSync(process.execPath, [CLI, ...paths, '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A small tree of files (path → content) in a fresh directory, with a tsconfig like the project's. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'depcruise-'));
  const all = { 'tsconfig.json': '{"compilerOptions":{"module":"commonjs","moduleResolution":"node10"}}', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Two modules with public entries, the pure engine, the shared kernel: a tree that breaks no rule. */
const GOOD: Record<string, string> = {
  'src/common/errors.ts': 'export const E = 1;\n',
  'src/scoring/index.ts': "export * from './score';\n",
  'src/scoring/score.ts': 'export const score = 1;\n',
  'src/tenancy/index.ts': "export * from './tenant-transaction';\n",
  'src/tenancy/tenant-transaction.ts': "import { E } from '../common/errors';\nexport const T = E;\n",
  'src/teams/teams.service.ts': "import { T } from '../tenancy';\nimport { score } from '../scoring';\nexport const S = T + score;\n",
  'src/app.module.ts': "import { T } from './tenancy';\nexport const A = T;\n",
  'migrations/1-first.ts': 'export const M = 1;\n',
  'test/helpers/db.ts': 'export const H = 1;\n',
};

describe('architecture (dependency-cruiser)', () => {
  it('the source tree and the migrations break no rule', () => {
    expect(cruise(ROOT, ['src', 'migrations'])).toEqual([]);
  });

  const bad: [rule: string, file: string, text: string][] = [
    ['only-through-public-entry', 'src/teams/bad.ts', "import { T } from '../tenancy/tenant-transaction';\nexport const B = T;\n"],
    ['root-through-public-entry', 'src/bad.ts', "import { T } from './tenancy/tenant-transaction';\nexport const B = T;\n"],
    ['scoring-is-pure', 'src/scoring/bad.ts', "import { E } from '../common/errors';\nexport const B = E;\n"],
    ['migrations-are-frozen', 'migrations/2-bad.ts', "import { E } from '../src/common/errors';\nexport const B = E;\n"],
    ['src-is-not-test-code', 'src/teams/bad.ts', "import { H } from '../../test/helpers/db';\nexport const B = H;\n"],
    ['no-circular', 'src/common/errors.ts', "import { T } from '../tenancy';\nexport const E = 1;\nexport const B = T;\n"],
  ];

  it('accepts the good example tree', () => {
    const dir = tree(GOOD);
    try {
      expect(cruise(dir, ['src', 'migrations'])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(bad)('fails on %s when %s makes a wrong arrow', (rule, file, text) => {
    const dir = tree({ ...GOOD, [file]: text });
    try {
      expect(cruise(dir, ['src', 'migrations']).map((v) => v.rule.name)).toContain(rule);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
