import { type Static, Type } from 'typebox';
import { Pagination } from './common.js';

export const AuditEvent = Type.Object(
  {
    id: Type.String(),
    at: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.String(),
    action: Type.String(),
    entity: Type.String(),
    entityId: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
  },
  { $id: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditListQuery = Type.Object(
  { entity: Type.Optional(Type.String()), entityId: Type.Optional(Type.String()), ...Pagination },
  { $id: 'AuditListQuery' },
);
export type AuditListQuery = Static<typeof AuditListQuery>;

export const AuditList = Type.Object(
  { items: Type.Array(AuditEvent), total: Type.Integer() },
  { $id: 'AuditList' },
);
export type AuditList = Static<typeof AuditList>;
