export { buildApp } from './app.js';
export { type Config, ConfigError, type ConfigInput, loadConfig } from './config.js';
export { createDb, type DbConfig, type DbHandle } from './db/create-db.js';
export { migrateToLatest } from './db/migrate.js';
export type { Database } from './db/schema.js';
export { type DemoSeedResult, seedDemo } from './demo/seed-demo.js';
export { AppError, ERROR_CODES, type ErrorCode } from './errors.js';
export { type RunningServer, startServer } from './start-server.js';
export { ensureAdmin } from './users/bootstrap.js';
