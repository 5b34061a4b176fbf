import { buildDataSegment } from './encode.js';
import type { Hj212Packet } from './types.js';

/** Who a reply goes to: taken from the packet being answered (see {@link replyTo}). */
export interface ReplyTarget {
  /** QN of the packet being answered; `null` omits QN (2005 devices). */
  qn: string | null;
  pw: string | null;
  mn: string | null;
  /** Version bits of the device's Flag, kept in the reply (2005 → Flag=0, 2017 → 4, 2025 → 8). Default 1. */
  versionBits?: number;
  /** Default `91` (system interaction). */
  st?: string;
}

/**
 * Reply target for a decoded packet: its QN, PW and MN, and its version bits.
 *
 * @example
 * const to = replyTo(packet); // { qn: packet.qn, pw: packet.pw, mn: packet.mn, versionBits: 1 }
 */
export function replyTo(packet: Hj212Packet): ReplyTarget {
  return { qn: packet.qn, pw: packet.pw, mn: packet.mn, versionBits: packet.versionBits };
}

function reply(to: ReplyTarget, cn: string, cp: string): string {
  const bits = to.versionBits ?? 1;
  return buildDataSegment(
    { qn: to.qn, st: to.st ?? '91', cn, pw: to.pw, mn: to.mn, flag: (bits & 0x3f) << 2 },
    cp,
  );
}

/** QnRtn values of HJ 212-2017 Table 7. */
export type QnRtn = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 100;
/** ExeRtn values of HJ 212-2017 Table 6. */
export type ExeRtn = 1 | 2 | 3 | 4 | 5 | 6 | 100;

/**
 * Data segment of a 9011 request response (`QnRtn`, 1 = ready to execute).
 *
 * @example
 * buildRequestResponse({ qn: '20160801085857223', pw: '123456', mn: '010000A8900016F000169DC0' }, 1);
 * // 'QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&'
 */
export function buildRequestResponse(to: ReplyTarget, qnRtn: QnRtn): string {
  return reply(to, '9011', `QnRtn=${qnRtn}`);
}

/**
 * Data segment of a 9012 execution result (`ExeRtn`, 1 = success, 100 = no data).
 *
 * @example
 * buildExecutionResult({ qn: '20160801085857223', pw: '123456', mn: '010000A8900016F000169DC0' }, 1);
 * // '…;CN=9012;…;Flag=4;CP=&&ExeRtn=1&&'
 */
export function buildExecutionResult(to: ReplyTarget, exeRtn: ExeRtn): string {
  return reply(to, '9012', `ExeRtn=${exeRtn}`);
}

/**
 * Data segment of a 9013 notification response (empty CP).
 *
 * @example
 * buildNotificationResponse({ qn: '20160801085857223', pw: '123456', mn: '010000A8900016F000169DC0' });
 * // '…;CN=9013;…;Flag=4;CP=&&&&'
 */
export function buildNotificationResponse(to: ReplyTarget): string {
  return reply(to, '9013', '');
}

/**
 * Data segment of a 9014 data response, the ack an upload with Flag bit A asks for (one per split part).
 *
 * @example
 * encodeFrame(buildDataResponse({ qn: '20160801085857223', pw: '123456', mn: '010000A8900016F000169DC0' }));
 * // '##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n'
 */
export function buildDataResponse(to: ReplyTarget): string {
  return reply(to, '9014', '');
}
