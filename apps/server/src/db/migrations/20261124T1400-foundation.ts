import { type Kysely, sql } from 'kysely';

// Migrations see the schema as it was when they were written, so they take an untyped Kysely.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('code', 'char(6)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('province','city','county')`))
    .addColumn('parent_code', 'char(6)', (c) => c.references('region.code'))
    .execute();
  await db.schema.createIndex('region_parent_idx').on('region').column('parent_code').execute();

  await db.schema
    .createTable('enterprise')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'char(18)', (c) => c.notNull())
    .addColumn('region_code', 'char(6)', (c) => c.notNull().references('region.code'))
    .addColumn('industry_code', 'varchar(4)', (c) => c.notNull())
    .addColumn('key_energy_user', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('key_pollution_source', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('longitude', 'float8')
    .addColumn('latitude', 'float8')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  // A credit code is unique among enterprises that are not deleted.
  await sql`create unique index enterprise_credit_code_uq on enterprise (credit_code) where deleted_at is null`.execute(
    db,
  );
  await db.schema.createIndex('enterprise_region_idx').on('enterprise').column('region_code').execute();
  await db.schema.createIndex('enterprise_industry_idx').on('enterprise').column('industry_code').execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('region_code', 'char(6)', (c) => c.references('region.code'))
    .addColumn('enterprise_id', 'uuid', (c) => c.references('enterprise.id'))
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('app_session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema
    .createIndex('audit_entity_idx')
    .on('audit_event')
    .columns(['entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['app_setting', 'audit_event', 'app_session', 'app_user', 'enterprise', 'region']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
