import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against the TypeScript sources of sibling workspaces, not their built dist/.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@ecep\/core$/, replacement: src('./packages/core/src/index.ts') },
      { find: /^@ecep\/hj212$/, replacement: src('./packages/hj212/src/index.ts') },
      { find: /^@ecep\/contract$/, replacement: src('./packages/contract/src/index.ts') },
      { find: /^@ecep\/plans$/, replacement: src('./packages/plans/src/index.ts') },
      { find: /^@ecep\/server$/, replacement: src('./apps/server/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    environment: 'node',
    allowOnly: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
