import type { HistoryEntry, TargetEvaluation } from '../../lib/targets-api';

/** One version of a target's evaluation: when it was computed (and by whom, where known) and what it said. */
export interface HistoryVersion {
  /** 1 for the oldest kept result. */
  version: number;
  computedAt: string;
  computedBy: string | null;
  digest: string;
  evaluation: TargetEvaluation;
}

/**
 * The history keys of a target's evaluation in `region` for the evaluation year `year`: the plan's own
 * (written when the plan's targets are viewed) and the all-plans one (written when the data change).
 */
export function evaluationHistoryKeys(region: string, planId: string, year: number): string[] {
  return [`${region}/${planId}/${year}`, `${region}/*/${year}`];
}

/**
 * The versions of one target's evaluation, oldest first, from the snapshots of one or more history keys. A
 * snapshot holds every target evaluated under its key; only those where this target's own result changed make a
 * new version (the same result kept under two keys, or a change of another target, does not).
 */
export function historyVersions(
  lists: ReadonlyArray<ReadonlyArray<HistoryEntry>>,
  matches: (e: TargetEvaluation) => boolean,
): HistoryVersion[] {
  const found: Array<Omit<HistoryVersion, 'version'>> = [];
  for (const list of lists) {
    for (const entry of list) {
      const result = Array.isArray(entry.result) ? (entry.result as TargetEvaluation[]) : [];
      const evaluation = result.find((e) => e && typeof e === 'object' && matches(e));
      if (!evaluation) continue;
      found.push({
        computedAt: entry.computedAt,
        computedBy: entry.computedBy ?? null,
        digest: entry.digest,
        evaluation,
      });
    }
  }
  found.sort((a, b) => Date.parse(a.computedAt) - Date.parse(b.computedAt));
  const out: HistoryVersion[] = [];
  let last: string | null = null;
  for (const f of found) {
    const text = JSON.stringify(f.evaluation);
    if (text === last) continue;
    last = text;
    out.push({ ...f, version: out.length + 1 });
  }
  return out;
}

/** A decimal string as a chart value (null stays a gap). */
export const chartNumber = (v: string | null | undefined): number | null =>
  v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
