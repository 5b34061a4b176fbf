#!/usr/bin/env node
import('../dist/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/main.js')) {
    console.error('ecep 尚未构建 / not built yet: run `npm run build` first.');
    process.exit(1);
  }
  throw err;
});
