import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const WORKSPACE_SOURCE = path.join(ROOT, 'web');
export const WORKSPACE_BUILD = path.join(ROOT, 'dist/web');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

/**
 * The workspace as the service serves it (dist/web): built with Vite when missing or older than a file under web/
 * (the same build `npm run build` runs), so the tests never look at a stale bundle.
 */
export function ensureWorkspaceBuilt(): void {
  const index = path.join(WORKSPACE_BUILD, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(WORKSPACE_SOURCE)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
}

/** Every operation the workspace sends (the graphql() calls of web/src/api/documents.ts), by operation name. */
export function workspaceOperations(): Record<string, string> {
  const source = readFileSync(path.join(WORKSPACE_SOURCE, 'src/api/documents.ts'), 'utf8');
  const found: Record<string, string> = {};
  for (const [, text] of source.matchAll(/graphql\(`([^`]*)`\)/g)) {
    const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(text)?.[1];
    if (!name) throw new Error(`an unnamed workspace operation: ${text.slice(0, 60)}`);
    found[name] = text;
  }
  return found;
}
