import { type Kysely, sql } from 'kysely';

/**
 * Online monitoring storage: registered devices, every received packet, quarantine, and measurements —
 * one row per (mn, cn, data time, factor), partitioned by month of data time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_device')
    .addColumn('mn', 'text', (c) => c.primaryKey())
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('st', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'uuid', (c) => c.references('enterprise.id'))
    .addColumn('crc_mode', 'text', (c) =>
      c.notNull().defaultTo('hj212').check(sql`crc_mode in ('hj212','modbus-le','modbus-be','none')`),
    )
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('monitoring_device_enterprise_idx')
    .on('monitoring_device')
    .column('enterprise_id')
    .execute();

  // Every frame that reached the gateway, decoded or not: the raw text is the evidence behind every value.
  await db.schema
    .createTable('hj212_packet')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('remote', 'text', (c) => c.notNull())
    .addColumn('mn', 'text')
    .addColumn('cn', 'text')
    .addColumn('qn', 'text')
    .addColumn('data_time', 'timestamptz')
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('stored','partial','quarantined','rejected','reply','ignored')`),
    )
    .addColumn('error_code', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hj212_packet_mn_idx')
    .on('hj212_packet')
    .columns(['mn', 'received_at'])
    .execute();

  // Packets from unknown devices or with a wrong password: kept for an operator to accept, never stored as data.
  await db.schema
    .createTable('hj212_quarantine')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('packet_id', 'bigint', (c) => c.notNull().references('hj212_packet.id'))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('mn', 'text')
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('unknown-mn','wrong-password','disabled')`),
    )
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema
    .createIndex('hj212_quarantine_mn_idx')
    .on('hj212_quarantine')
    .columns(['mn', 'received_at'])
    .execute();

  await sql`
    create table measurement (
      mn text not null,
      cn text not null,
      data_time timestamptz not null,
      factor text not null,
      rtd float8, avg float8, min float8, max float8, cou float8,
      zs_rtd float8, zs_avg float8, zs_min float8, zs_max float8,
      flag text,
      extra jsonb,
      packet_id bigint not null,
      received_at timestamptz not null,
      primary key (mn, cn, factor, data_time)
    ) partition by range (data_time)`.execute(db);
  // Anything outside the monthly partitions still lands (devices with a wrong clock); jobs can move it later.
  await sql`create table measurement_default partition of measurement default`.execute(db);
  await sql`create index measurement_time_brin on measurement using brin (data_time)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists measurement cascade`.execute(db);
  for (const t of ['hj212_quarantine', 'hj212_packet', 'monitoring_device']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
