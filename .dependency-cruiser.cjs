/**
 * The architecture as rules (ARCHITECTURE.md, "What may import what"). Run by `npm run lint` (depcruise) and by
 * src/architecture.spec.ts, which also proves that each rule fails on a bad import.
 *
 * A module is a folder of src/. It reaches another module only through that module's public entry, its index.ts
 * (what it exports on purpose). common/ is the shared kernel: small independent files, each its own public API.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, between files or (through the public entries) between modules.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'scoring-is-pure',
      severity: 'error',
      comment: 'The scoring engine imports nothing outside src/scoring: no Nest, no database, no other module.',
      from: { path: '^src/scoring/' },
      to: { pathNot: '^src/scoring/' },
    },
    {
      name: 'only-through-public-entry',
      severity: 'error',
      comment: "A module imports another module only through its index.ts (common/ files are each public).",
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/common/'] },
    },
    {
      name: 'root-through-public-entry',
      severity: 'error',
      comment: 'The composition root (src/*.ts) assembles modules through their public entries too.',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/[^/]+/index\\.ts$', '^src/common/'] },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'A migration must never change meaning: it imports nothing from src/.',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
    {
      name: 'src-is-not-test-code',
      severity: 'error',
      comment: 'The service never imports tests, benchmarks or scripts.',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
