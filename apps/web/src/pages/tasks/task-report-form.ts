import type { Attachment, Task, TaskReportInput } from '@ecep/contract';

/**
 * Attachments typed one per line as `名称` or `名称 | 链接` (a bare http(s) link is its own name).
 * Blank lines are skipped.
 */
export function parseAttachments(text: string | undefined): Attachment[] {
  const out: Attachment[] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const bar = trimmed.indexOf('|');
    if (bar >= 0) {
      const name = trimmed.slice(0, bar).trim();
      const url = trimmed.slice(bar + 1).trim();
      out.push(url ? { name: name || url, url } : { name });
    } else if (/^https?:\/\//i.test(trimmed)) {
      out.push({ name: trimmed, url: trimmed });
    } else {
      out.push({ name: trimmed });
    }
  }
  return out;
}

export interface ReportFormValues {
  unit?: string;
  period?: string;
  text?: string;
  percent?: number | null;
  attachments?: string;
}

/** The POST body of a progress report; the unit only when the reporter belongs to several. */
export function toReportInput(v: ReportFormValues): TaskReportInput {
  const attachments = parseAttachments(v.attachments);
  const period = v.period?.trim();
  return {
    ...(v.unit ? { unit: v.unit } : {}),
    ...(period ? { period } : {}),
    text: (v.text ?? '').trim(),
    percent: Math.round(v.percent ?? 0),
    ...(attachments.length ? { attachments } : {}),
  };
}

/** Tasks by deadline day (`YYYY-MM-DD`), for the calendar. Tasks without a deadline are left out. */
export function tasksByDay<T extends Pick<Task, 'deadline'>>(tasks: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of tasks) {
    if (!t.deadline) continue;
    const day = t.deadline.slice(0, 10);
    out.set(day, [...(out.get(day) ?? []), t]);
  }
  return out;
}

/** The units the tasks name (lead and cooperating), sorted, for the unit filter. */
export function unitsOf(tasks: Pick<Task, 'leadUnits' | 'cooperatingUnits'>[]): string[] {
  return [...new Set(tasks.flatMap((t) => [...t.leadUnits, ...t.cooperatingUnits]))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
}
