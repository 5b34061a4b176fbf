import type { HourFactor } from '../rollups/hourly-rollup.js';

/** Minutes of one flag within an hour from which a flag alarm is raised. */
export const FLAG_ALARM_MINUTES = 15;
/** A device is offline after this many expected intervals without a packet. */
export const OFFLINE_INTERVALS = 3;

export interface HourAlarm {
  type: 'exceedance' | 'flag';
  factor: string;
  value: number;
  limit: number | null;
  details: Record<string, unknown>;
}

/**
 * The alarms one rolled-up hour of one factor raises: exceedance when a valid hour's corrected (or, without a
 * reference O2, measured) average is above the limit; a flag alarm when one non-N flag covers ≥ 15 minutes.
 */
export function hourAlarms(f: HourFactor, limit: number | undefined): HourAlarm[] {
  const out: HourAlarm[] = [];
  const compared = f.correctedAvg ?? f.avg;
  if (limit !== undefined && f.valid && compared !== null && compared > limit) {
    out.push({
      type: 'exceedance',
      factor: f.factor,
      value: compared,
      limit,
      details: {
        basis: f.correctedAvg !== null ? 'o2-corrected hourly average' : 'measured hourly average',
        validMinutes: f.validMinutes,
        exceedanceMultiple: (compared - limit) / limit,
      },
    });
  }
  for (const [flag, minutes] of Object.entries(f.flagMinutes)) {
    if (minutes >= FLAG_ALARM_MINUTES) {
      out.push({
        type: 'flag',
        factor: f.factor,
        value: minutes,
        limit: FLAG_ALARM_MINUTES,
        details: { flag },
      });
    }
  }
  return out;
}
