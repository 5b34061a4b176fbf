import { toHjTime } from './data-time.js';
import { buildDataSegment } from './encode.js';

/** Addressing of a platform → device request. */
export interface RequestTarget {
  /** The request's QN (the correlation id the device echoes in 9011/9012); format it with `formatQn(now)`. */
  qn: string;
  st: string;
  pw: string;
  mn: string;
  /** Default 5 (HJ 212-2017, answer required). */
  flag?: number;
}

function request(to: RequestTarget, cn: string, cp: string): string {
  return buildDataSegment({ qn: to.qn, st: to.st, cn, pw: to.pw, mn: to.mn, flag: to.flag ?? 5 }, cp);
}

/**
 * 1012 set device time. `systemTime` is `YYYYMMDDhhmmss` or epoch ms (written as Beijing time).
 *
 * @example
 * buildSetTimeRequest({ qn: '20160801085857223', st: '32', pw: '123456', mn: '010000A8900016F000169DC0' }, '20160801085857');
 * // '…;CN=1012;…;Flag=5;CP=&&SystemTime=20160801085857&&'
 */
export function buildSetTimeRequest(to: RequestTarget, systemTime: string | number, polId?: string): string {
  const time = `SystemTime=${toHjTime(systemTime)}`;
  return request(to, '1012', polId === undefined ? time : `PolId=${polId};${time}`);
}

/**
 * 1062 set the real-time upload interval, 30–3600 s.
 *
 * @example
 * buildSetRtdIntervalRequest({ qn: '20160801085857223', st: '32', pw: '100000', mn: '010000A8900016F000169DC0' }, 30);
 * // 'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&'
 */
export function buildSetRtdIntervalRequest(to: RequestTarget, rtdIntervalS: number): string {
  if (!Number.isInteger(rtdIntervalS) || rtdIntervalS < 30 || rtdIntervalS > 3600) {
    throw new RangeError(`RtdInterval must be an integer 30..3600 s, got ${rtdIntervalS}`);
  }
  return request(to, '1062', `RtdInterval=${rtdIntervalS}`);
}

/** Minute-data intervals HJ 212-2017 allows (minutes). */
export const MIN_INTERVALS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30] as const;

/**
 * 1064 set the minute-data interval (one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes).
 *
 * @example
 * buildSetMinIntervalRequest({ qn: '20160801085857223', st: '32', pw: '123456', mn: '010000A8900016F000169DC0' }, 10);
 * // '…;CN=1064;…;CP=&&MinInterval=10&&'
 */
export function buildSetMinIntervalRequest(to: RequestTarget, minIntervalMin: number): string {
  if (!(MIN_INTERVALS as readonly number[]).includes(minIntervalMin)) {
    throw new RangeError(`MinInterval must be one of ${MIN_INTERVALS.join(', ')}, got ${minIntervalMin}`);
  }
  return request(to, '1064', `MinInterval=${minIntervalMin}`);
}

/** Commands whose history a platform can request with BeginTime/EndTime. */
export type HistoryCn = '2031' | '2041' | '2051' | '2061';

/**
 * History request (back-fill): 2051 minute, 2061 hour, 2031 day (2041 facility run time) data between
 * `beginTime` and `endTime` (`YYYYMMDDhhmmss` or epoch ms).
 *
 * @example
 * buildHistoryRequest({ qn: '20160801085857223', st: '32', pw: '123456', mn: '010000A8900016F000169DC0' }, '2051', '20160801084000', '20160801084000');
 * // '…;CN=2051;…;Flag=5;CP=&&BeginTime=20160801084000;EndTime=20160801084000&&'
 */
export function buildHistoryRequest(
  to: RequestTarget,
  cn: HistoryCn,
  beginTime: string | number,
  endTime: string | number,
): string {
  return request(to, cn, `BeginTime=${toHjTime(beginTime)};EndTime=${toHjTime(endTime)}`);
}
