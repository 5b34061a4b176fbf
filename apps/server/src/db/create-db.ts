import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export interface DbConfig {
  /** PostgreSQL connection string; when null, embedded PGlite is used. */
  databaseUrl: string | null;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir: string;
}

export interface DbHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** The raw PGlite instance (bulk COPY path); null on PostgreSQL. */
  pglite: PGlite | null;
  /** The pg pool (COPY through pg-copy-streams); null on PGlite. */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

// Keep numeric and bigint as exact strings on PostgreSQL as PGlite does: reported statistics are decimals.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/**
 * Opens the database named by the config: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`.
 * @example const { db, close } = await createDb({ databaseUrl: null, dataDir: 'memory://' });
 */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // Fail now with a clear message rather than on the first request.
    const client = await pool.connect().catch((err: unknown) => {
      throw new Error(
        `无法连接 PostgreSQL / cannot connect to PostgreSQL at ${redact(config.databaseUrl ?? '')}: ${String(err)}`,
      );
    });
    client.release();
    // A connection lost while idle (PostgreSQL restarted, an administrator ended it) is already dropped by the
    // pool and the next query opens a new one; unhandled, the pool's 'error' event would crash the process.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing)
        process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`, 'EcepDatabaseWarning');
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      pglite: null,
      pool,
      close: async () => {
        closing = true;
        await db.destroy();
      },
    };
  }
  if (!config.dataDir.startsWith('memory://')) fs.mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    pool: null,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
