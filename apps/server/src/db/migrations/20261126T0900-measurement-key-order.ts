import { type Kysely, sql } from 'kysely';

/**
 * Reorders the measurement key to (mn, cn, data_time, factor). Every reader asks for one device over a time
 * range (all its factors): with the data time third, that is one contiguous index range instead of one scan of
 * the device's whole month per factor. Uniqueness — a resend replaces — is unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table measurement drop constraint measurement_pkey`.execute(db);
  await sql`alter table measurement add primary key (mn, cn, data_time, factor)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table measurement drop constraint measurement_pkey`.execute(db);
  await sql`alter table measurement add primary key (mn, cn, factor, data_time)`.execute(db);
}
