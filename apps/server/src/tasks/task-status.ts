import { TASK_STATUSES, type TaskStatus } from '@ecep/contract';

export const DEFAULT_DUE_SOON_DAYS = 30;

const dayNumber = (isoDate: string) =>
  Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) /
  86_400_000;

/** Whole days from `today` to `deadline` (both `YYYY-MM-DD`); negative once it has passed. */
export function daysBetween(today: string, deadline: string): number {
  return Math.round(dayNumber(deadline) - dayNumber(today));
}

export const taskStatusName = (s: TaskStatus): string => TASK_STATUSES.find((x) => x.code === s)?.nameZh ?? s;

/**
 * The status of a task on `today` (an Asia/Shanghai date): completed once a report of 100 % was accepted;
 * otherwise overdue after the deadline day, due-soon when the deadline is at most `dueSoonDays` away, else
 * on-track (also when the plan gives no deadline).
 *
 * @example
 * taskStatus({ deadline: '2025-12-31', completed: false }, '2025-12-20', 30); // { status: 'due_soon', daysLeft: 11 }
 */
export function taskStatus(
  task: { deadline: string | null; completed: boolean },
  today: string,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
): { status: TaskStatus; daysLeft: number | null } {
  const daysLeft = task.deadline ? daysBetween(today, task.deadline) : null;
  if (task.completed) return { status: 'completed', daysLeft };
  if (daysLeft === null) return { status: 'on_track', daysLeft };
  if (daysLeft < 0) return { status: 'overdue', daysLeft };
  if (daysLeft <= dueSoonDays) return { status: 'due_soon', daysLeft };
  return { status: 'on_track', daysLeft };
}
