import { type Kysely, sql } from 'kysely';

/** Monitoring alarms: exceedance and flag alarms per hour and factor, offline alarms per device. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_alarm')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('mn', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('exceedance','offline','flag','constant')`),
    )
    // '' for alarms about the whole device, so the natural key below needs no null handling.
    .addColumn('factor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_at', 'timestamptz', (c) => c.notNull())
    .addColumn('end_at', 'timestamptz')
    .addColumn('value', 'float8')
    .addColumn('limit_value', 'float8')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'text')
    .addColumn('ack_comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('monitoring_alarm_key', ['mn', 'type', 'factor', 'start_at'])
    .execute();
  await db.schema
    .createIndex('monitoring_alarm_time_idx')
    .on('monitoring_alarm')
    .columns(['start_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monitoring_alarm').ifExists().execute();
}
