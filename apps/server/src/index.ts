export { buildApp } from './app.js';
export { type Config, ConfigError, type ConfigInput, loadConfig } from './config.js';
export { createDb, type DbConfig, type DbHandle } from './db/create-db.js';
export { migrateToLatest } from './db/migrate.js';
export type { Database } from './db/schema.js';
export { ERROR_CODES, AppError, type ErrorCode } from './errors.js';
export { ensureAdmin } from './users/bootstrap.js';
export { startServer, type RunningServer } from './start-server.js';
export { seedDemo, type DemoSeedResult } from './demo/seed-demo.js';
