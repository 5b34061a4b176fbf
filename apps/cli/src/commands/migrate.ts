import type { Command } from 'commander';
import { type ServerFlags, toConfigInput, withServerOptions } from '../server-options.js';

export function registerMigrate(program: Command): void {
  withServerOptions(
    program.command('migrate').description('数据库迁移 / bring the database schema up to date'),
  ).action(async (flags: ServerFlags) => {
    const { createDb, loadConfig, migrateToLatest } = await import('@ecep/server');
    const config = loadConfig(toConfigInput(flags));
    const db = await createDb(config);
    try {
      const { applied } = await migrateToLatest(db.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : '数据库已是最新 / already up to date');
    } finally {
      await db.close();
    }
  });
}
