import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const uswdsPackages = fileURLToPath(new URL('../../node_modules/@uswds/uswds/packages', import.meta.url));

/**
 * The workbench build: `npm run workbench:build` writes apps/workbench/dist, which the gateway
 * serves at /. `npm run workbench:dev` serves it with hot reload on :5173 and proxies /api to the
 * gateway that `npm start` runs on :3000.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  css: {
    preprocessorOptions: {
      // USWDS is compiled from its Sass packages so that only the components used are shipped.
      scss: { loadPaths: [uswdsPackages], quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The first page's JavaScript is budgeted (workbench.bundle_kb in npm run bench): screens load
    // per route, and the OIDC client only when an OIDC provider is configured.
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
