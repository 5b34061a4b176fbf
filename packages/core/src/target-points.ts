import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { nonNegative } from './guards.js';

export interface TargetPointsResult {
  points: Decimal;
  basePoints: Decimal;
  bonusPoints: Decimal;
  explain: Explain;
}

/**
 * Points for the target part (节能目标, 40 points) of the year-end assessment from the completion of the
 * target in %: every full 10 % of completion is 4 points (100 % → 40, 90 % → 36 … 50 % → 20), below 50 % → 0,
 * and over-achievement earns +3 per full 10 % above 100 %, at most +9 (county sheet of the 2007 national
 * template).
 *
 * @example
 * targetPoints(100).points.toFixed(); // '40'
 * targetPoints(87.5).points.toFixed(); // '32'
 * targetPoints(125).points.toFixed(); // '46'
 */
export function targetPoints(completionPct: DecimalInput, maxPoints = 40, bonusMax = 9): TargetPointsResult {
  const completion = nonNegative(completionPct, '/completionPct', 'completionPct');
  const tenths = Dec.min(completion.div(10).floor(), 10);
  const basePoints = completion.lt(50) ? new Dec(0) : tenths.times(maxPoints / 10);
  const over = completion.minus(100);
  const bonusPoints = over.gt(0) ? Dec.min(over.div(10).floor().times(3), bonusMax) : new Dec(0);
  return {
    points: basePoints.plus(bonusPoints),
    basePoints,
    bonusPoints,
    explain: {
      formula: `points = (completion < 50 % ? 0 : ⌊completion/10⌋ × ${maxPoints / 10}, at most ${maxPoints}) + min(3 × ⌊(completion − 100)/10⌋, ${bonusMax})`,
      inputs: { completionPct: plain(completion) },
      notes: [
        'Source: 国发〔2007〕36号 template as applied in county scoring sheets (100 % → 40, +3 per 10 % over, max +9).',
      ],
    },
  };
}
