import { type Kysely, sql } from 'kysely';

/**
 * Quarantine takes a fourth reason: `implausible-time`, data whose DataTime lies too far ahead of its arrival (a
 * data unit whose clock is wrong). Kept out of the measurements — and out of monthly partitions for whatever
 * year the clock says — until an operator accepts it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hj212_quarantine drop constraint hj212_quarantine_reason_check`.execute(db);
  await sql`alter table hj212_quarantine add constraint hj212_quarantine_reason_check
    check (reason in ('unknown-mn','wrong-password','disabled','implausible-time'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hj212_quarantine drop constraint hj212_quarantine_reason_check`.execute(db);
  await sql`alter table hj212_quarantine add constraint hj212_quarantine_reason_check
    check (reason in ('unknown-mn','wrong-password','disabled'))`.execute(db);
}
