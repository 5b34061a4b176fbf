import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Where `vite` (dev) and `vite preview` send `/api`; override with ECEP_API_URL. */
const apiTarget = process.env.ECEP_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // Use the contract's TypeScript source so the web app needs no separate build step.
    alias: { '@ecep/contract': here('../../packages/contract/src/index.ts') },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
  preview: {
    proxy: { '/api': apiTarget },
  },
});
