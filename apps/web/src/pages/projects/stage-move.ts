import type { ProjectStageChange } from '@ecep/contract';
import type { StageCode } from './project-api';

const RANK: Record<string, number> = { reserve: 0, started: 1, operating: 2, full_production: 3 };

/**
 * Whether moving a project from `from` to `to` needs a reason (going back, terminating, reopening), so the
 * dialog asks for one up front; the server decides again and its refusal is shown as it is.
 */
export function moveNeedsReason(from: string, to: string): boolean {
  if (to === 'terminated' || from === 'terminated') return true;
  const a = RANK[from];
  const b = RANK[to];
  return a !== undefined && b !== undefined && b < a;
}

export interface StageMoveValues {
  date?: string;
  evidence?: string;
  reason?: string;
}

/** The POST body of a stage change; blank evidence and reason are left out. */
export function toStageChange(to: StageCode, v: StageMoveValues): ProjectStageChange {
  const evidence = v.evidence?.trim();
  const reason = v.reason?.trim();
  return {
    stage: to,
    date: v.date ?? '',
    ...(evidence ? { evidence } : {}),
    ...(reason ? { reason } : {}),
  };
}
