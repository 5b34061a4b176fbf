/** Hours of one unchanging value from which a constant-value (zero/stuck sensor) alarm is raised. */
export const CONSTANT_ALARM_HOURS = 4;

export interface HourStat {
  hourMs: number;
  factor: string;
  min: number | null;
  max: number | null;
  receivedMinutes: number;
}

export interface ConstantRun {
  factor: string;
  startMs: number;
  endMs: number;
  value: number;
  hours: number;
}

const HOUR_MS = 3_600_000;

/**
 * Runs of at least `minHours` consecutive hours in which a factor never changed (min = max, the same value in
 * every hour): a stuck or zeroed analyser rather than a real, always fluctuating emission.
 */
export function constantRuns(stats: readonly HourStat[], minHours = CONSTANT_ALARM_HOURS): ConstantRun[] {
  const byFactor = new Map<string, HourStat[]>();
  for (const s of stats) {
    const list = byFactor.get(s.factor) ?? [];
    list.push(s);
    byFactor.set(s.factor, list);
  }
  const runs: ConstantRun[] = [];
  for (const [factor, list] of byFactor) {
    list.sort((a, b) => a.hourMs - b.hourMs);
    let run: HourStat[] = [];
    const close = () => {
      if (run.length >= minHours) {
        const first = run[0] as HourStat;
        const last = run[run.length - 1] as HourStat;
        runs.push({
          factor,
          startMs: first.hourMs,
          endMs: last.hourMs + HOUR_MS,
          value: first.min as number,
          hours: run.length,
        });
      }
      run = [];
    };
    for (const s of list) {
      const flat = s.receivedMinutes > 1 && s.min !== null && s.min === s.max;
      const prev = run[run.length - 1];
      if (flat && prev && prev.hourMs + HOUR_MS === s.hourMs && prev.min === s.min) run.push(s);
      else {
        close();
        if (flat) run = [s];
      }
    }
    close();
  }
  return runs;
}
