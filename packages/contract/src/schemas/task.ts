import { type Static, Type } from 'typebox';

const DateStr = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
});
const Unit = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'organisational unit, e.g. 山西省工业和信息化厅',
});

/** Computed with a clock: completed, overdue (deadline passed), due-soon (within N days), on-track. */
export const TASK_STATUSES = [
  { code: 'completed', nameZh: '已完成' },
  { code: 'overdue', nameZh: '已逾期' },
  { code: 'due_soon', nameZh: '即将到期' },
  { code: 'on_track', nameZh: '正常推进' },
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number]['code'];
const Status = Type.Union([
  Type.Literal('completed'),
  Type.Literal('overdue'),
  Type.Literal('due_soon'),
  Type.Literal('on_track'),
]);

export const Attachment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type Attachment = Static<typeof Attachment>;

export const TaskCreate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    leadUnits: Type.Array(Unit, { minItems: 1, maxItems: 20 }),
    cooperatingUnits: Type.Optional(Type.Array(Unit, { maxItems: 50 })),
    deadline: Type.Union([DateStr, Type.Null()]),
    expectedOutput: Type.Optional(Type.String({ maxLength: 2000 })),
    regionCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'supervising region; default the caller’s' }),
    ),
  },
  { additionalProperties: false },
);
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskReportInput = Type.Object(
  {
    unit: Type.Optional(Unit),
    period: Type.Optional(
      Type.String({ maxLength: 20, description: 'reporting cycle, e.g. 2025-Q2 or 2025-06' }),
    ),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    attachments: Type.Optional(Type.Array(Attachment, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type TaskReportInput = Static<typeof TaskReportInput>;

export const TaskReview = Type.Object(
  {
    action: Type.Union([Type.Literal('comment'), Type.Literal('accept'), Type.Literal('return')]),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type TaskReview = Static<typeof TaskReview>;

export const TaskReport = Type.Object({
  id: Type.String(),
  unit: Type.String(),
  period: Type.String(),
  text: Type.String(),
  percent: Type.Integer(),
  attachments: Type.Array(Attachment),
  status: Type.Union([Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('returned')]),
  reportedBy: Type.String(),
  reportedAt: Type.String(),
  reviewComment: Type.String(),
  reviewedBy: Type.Union([Type.String(), Type.Null()]),
  reviewedAt: Type.Union([Type.String(), Type.Null()]),
  comments: Type.Array(Type.Object({ by: Type.String(), at: Type.String(), text: Type.String() })),
});
export type TaskReport = Static<typeof TaskReport>;

export const Task = Type.Object({
  id: Type.String(),
  planId: Type.Union([Type.String(), Type.Null()]),
  planTaskId: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('plan'), Type.Literal('manual')]),
  title: Type.String(),
  leadUnits: Type.Array(Type.String()),
  cooperatingUnits: Type.Array(Type.String()),
  deadline: Type.Union([Type.String(), Type.Null()]),
  expectedOutput: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  statusName: Type.String(),
  daysLeft: Type.Union([Type.Integer(), Type.Null()], {
    description: 'days to the deadline (negative = overdue)',
  }),
  progressPct: Type.Integer({ description: 'latest reported percentage' }),
  acceptedPct: Type.Integer({ description: 'latest accepted percentage' }),
  lastReportAt: Type.Union([Type.String(), Type.Null()]),
  pendingReports: Type.Integer({ description: 'reports waiting for review' }),
  isDemo: Type.Boolean(),
});
export type Task = Static<typeof Task>;

export const TaskDetail = Type.Object({ ...Task.properties, reports: Type.Array(TaskReport) });
export type TaskDetail = Static<typeof TaskDetail>;

export const TaskQuery = Type.Object({
  status: Type.Optional(Status),
  planId: Type.Optional(Type.String()),
  unit: Type.Optional(Type.String()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  dueSoonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })),
});
export type TaskQuery = Static<typeof TaskQuery>;

export const TaskList = Type.Object({ items: Type.Array(Task), total: Type.Integer() });
export type TaskList = Static<typeof TaskList>;

/** The 督办 list: overdue and due-soon tasks, and reports waiting for the supervisor. */
export const SupervisionList = Type.Object({
  overdue: Type.Array(Task),
  dueSoon: Type.Array(Task),
  awaitingReview: Type.Array(Task),
  counts: Type.Object({
    overdue: Type.Integer(),
    dueSoon: Type.Integer(),
    awaitingReview: Type.Integer(),
    total: Type.Integer(),
  }),
});
export type SupervisionList = Static<typeof SupervisionList>;

export const UnitMembership = Type.Object(
  { username: Type.String({ minLength: 1 }), units: Type.Array(Unit, { maxItems: 20 }) },
  { additionalProperties: false },
);
export type UnitMembership = Static<typeof UnitMembership>;
