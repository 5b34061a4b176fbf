import { formatGbt8170, toDecimal } from '@ecep/core';

export interface DayCounts {
  day: string;
  expected: number;
  received: number;
  valid: number;
}

/**
 * Data-quality rates of one day: transmission = received / expected (capped at 100 %), validity =
 * valid / received, effective transmission = their product — exact decimals, rounded per GB/T 8170.
 */
export function dayRates(c: DayCounts) {
  const pct = (num: number, den: number) => (den > 0 ? toDecimal(num).times(100).div(den) : toDecimal(0));
  const rawTransmission = pct(c.received, c.expected);
  const transmission = rawTransmission.gt(100) ? toDecimal(100) : rawTransmission;
  const validity = pct(c.valid, c.received);
  return {
    ...c,
    transmissionRatePct: formatGbt8170(transmission, 2),
    validityRatePct: formatGbt8170(validity, 2),
    effectiveTransmissionRatePct: formatGbt8170(transmission.times(validity).div(100), 2),
  };
}
