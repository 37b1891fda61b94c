import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The consultant's workspace: React + urql + ECharts, bundled into dist/web and served by the API at /dashboard/
 * (src/dashboard/dashboard.module.ts). `npm run web:dev` serves it with hot reload and proxies the API on :3000.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.SMT_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/dashboard/',
  publicDir: 'public',
  // React's automatic JSX runtime, compiled by Vite's own transformer (no plugin needed).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: URLs: the CSP is 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
    rolldownOptions: {
      // React Router marks its modules "use client" (for server components): meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': api, '/exports': api, '/reports': api } },
});
