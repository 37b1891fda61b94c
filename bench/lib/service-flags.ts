import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags that `npm start` runs the service with (package.json's start script: the heap limits), so that
 * the benchmark measures the service as it is deployed. BENCH_NODE_FLAGS_ours adds to them (later flags win).
 */
export function serviceNodeFlags(root = process.cwd()): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`the start script does not run node: ${pkg.scripts.start}`);
  return words.slice(1).filter((word) => word.startsWith('--'));
}
