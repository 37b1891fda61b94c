import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How `npm start` runs the service (package.json's start script: `NAME=value ... node <flags> <script>`, the
 * malloc arena limit and the heap limits), so that the benchmark measures the service as it is deployed: the
 * environment assignments before `node`, and the Node flags after it. BENCH_NODE_FLAGS_ours adds to the flags
 * (later flags win), BENCH_ENV_ours to the environment.
 */
export function serviceStart(root = process.cwd()): { env: Record<string, string>; nodeFlags: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=');
    env[name] = value.join('=');
  }
  if (words[0] !== 'node') throw new Error(`the start script does not run node: ${pkg.scripts.start}`);
  return { env, nodeFlags: words.slice(1).filter((word) => word.startsWith('--')) };
}
