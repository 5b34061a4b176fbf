import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditActor {
  userId: string | null;
  name: string;
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Records who changed what, when, from what to what. Call inside the transaction of the change. */
export async function recordAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  record: AuditRecord,
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_id: actor.userId,
      actor_name: actor.name,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId,
      before: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      after: record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
    })
    .execute();
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { entity?: string; entityId?: string; page: number; pageSize: number },
) {
  let q = db.selectFrom('audit_event');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
  };
}
