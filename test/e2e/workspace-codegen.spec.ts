import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const GENERATED = path.join(ROOT, 'web/src/gql');

/** The workspace's typed documents (web/src/gql) are generated from schema.gql and committed: they must match it. */
describe('workspace typed documents', () => {
  it('commits generated code that matches schema.gql and web/src/api/documents.ts (regenerated into a temp folder)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'smt-web-codegen-'));
    try {
      const cli = path.join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js');
      await run(process.execPath, [cli, '--config', path.join(ROOT, 'web/codegen.ts'), '--silent'], {
        cwd: ROOT,
        timeout: 120_000,
        env: { ...process.env, SMT_CODEGEN_OUT: out },
      });
      const committed = readdirSync(GENERATED).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const file of committed) {
        // On a difference: npm run web:codegen
        expect({ file, text: readFileSync(path.join(GENERATED, file), 'utf8') }).toEqual({ file, text: readFileSync(path.join(out, file), 'utf8') });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
