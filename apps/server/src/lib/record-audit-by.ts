import type { Kysely } from 'kysely';
import { type AuditRecord, recordAudit } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';

/** Records an audit event done by the signed-in caller `p`. Call inside the transaction of the change. */
export function recordAuditBy(
  db: Kysely<Database>,
  p: Pick<Principal, 'userId' | 'username'>,
  record: AuditRecord,
): Promise<void> {
  return recordAudit(db, { userId: p.userId, name: p.username }, record);
}
