import type { TaskCreate } from '@ecep/contract';
import { type FormErrors, formErrorsOf } from '../../lib/form-errors';

/** What the new-task form holds; the deadline as `YYYY-MM-DD` (or null for no deadline). */
export interface TaskCreateValues {
  title?: string;
  leadUnits?: string[];
  cooperatingUnits?: string[];
  deadline?: string | null;
  expectedOutput?: string;
}

export const TASK_CREATE_FIELDS = [
  'title',
  'leadUnits',
  'cooperatingUnits',
  'deadline',
  'expectedOutput',
] as const;
export type TaskCreateField = (typeof TASK_CREATE_FIELDS)[number];

const units = (list: string[] | undefined) => [...new Set((list ?? []).map((u) => u.trim()).filter(Boolean))];

/**
 * The POST body of a manual task: units trimmed and without repeats; a unit named as lead is not also listed
 * as cooperating; a blank expected output is left out.
 */
export function toTaskCreate(v: TaskCreateValues): TaskCreate {
  const leadUnits = units(v.leadUnits);
  const cooperatingUnits = units(v.cooperatingUnits).filter((u) => !leadUnits.includes(u));
  const expectedOutput = v.expectedOutput?.trim();
  return {
    title: (v.title ?? '').trim(),
    leadUnits,
    ...(cooperatingUnits.length ? { cooperatingUnits } : {}),
    deadline: v.deadline || null,
    ...(expectedOutput ? { expectedOutput } : {}),
  };
}

/** The API's complaints at the fields they name (`body/leadUnits/0` → 牵头单位); others stay general. */
export const taskCreateErrors = (err: unknown): FormErrors<TaskCreateField> =>
  formErrorsOf(err, TASK_CREATE_FIELDS);
