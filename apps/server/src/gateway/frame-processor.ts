import { isUtf8 } from 'node:buffer';
import {
  buildDataResponse,
  buildNotificationResponse,
  buildSetTimeRequest,
  type CrcMode,
  decodeFrame,
  encodeFrame,
  formatQn,
  type Hj212Packet,
  replyTo,
  type SplitReassembler,
} from '@ecep/hj212';
import type { DeviceAuth, DeviceDirectory } from '../devices/device-directory.js';
import { DATA_CNS, DEFAULT_GATEWAY_OPTIONS } from './gateway-options.js';
import { measurementRows } from './measurement-rows.js';
import type { QuarantineReason, SinkItem } from './packet-sink.js';

export interface FrameContext {
  connectionId: string;
  remote: string;
  receivedAtMs: number;
  /** CRC mode of the last device seen on this connection: tried first. */
  lastCrcMode: CrcMode;
}

/** What to do with one frame: what to store, and the reply to send once it is committed. */
export interface FrameDecision {
  item: SinkItem;
  /** Encoded reply frame (9014…), sent only after `item` has committed; null for none. */
  replyAfterCommit: string | null;
  device: DeviceAuth | null;
  packet: Hj212Packet | null;
}

const textDecoder = new TextDecoder('utf-8', { fatal: false });

function baseItem(ctx: FrameContext, raw: SinkItem['raw']): SinkItem {
  return {
    receivedAtMs: ctx.receivedAtMs,
    connectionId: ctx.connectionId,
    remote: ctx.remote,
    raw,
    mn: null,
    cn: null,
    qn: null,
    dataTimeMs: null,
    outcome: 'rejected',
    errorCode: null,
    quarantine: null,
    deviceId: null,
    rows: [],
  };
}

const firstDataTime = (p: Hj212Packet) => p.records.find((r) => r.dataTimeMs !== null)?.dataTimeMs ?? null;

export interface DecideOptions {
  maxSegmentBytes: number;
  /** See GatewayOptions; the gateway's default when absent. */
  maxDataTimeAheadMs?: number;
}

/**
 * Whether a record's DataTime lies further ahead of the arrival than the device's clock can be right. (Old data
 * is history being resent, which the standard asks the platform to take.)
 */
function hasImplausibleTime(packet: Hj212Packet, receivedAtMs: number, options: DecideOptions): boolean {
  const latest = receivedAtMs + (options.maxDataTimeAheadMs ?? DEFAULT_GATEWAY_OPTIONS.maxDataTimeAheadMs);
  return packet.records.some((r) => r.dataTimeMs !== null && r.dataTimeMs > latest);
}

/** A 1012 request setting the device's clock to `nowMs` (HJ 212 §6.7: the platform keeps field clocks right). */
function setClock(device: DeviceAuth, packet: Hj212Packet, nowMs: number): string {
  const to = { qn: formatQn(nowMs), st: packet.st ?? '91', pw: device.password, mn: device.mn };
  return encodeFrame(buildSetTimeRequest(to, nowMs), device.crcMode);
}

/** A device by MN: the record, null when it is known not to exist, undefined when it must be fetched first. */
export type DeviceLookup = (mn: string) => DeviceAuth | null | undefined;

/**
 * The validator stage, synchronous: decodes a frame with the device's CRC mode, checks the device and its
 * password, and decides what is stored and what is answered — or, when a device is not in `lookup` yet, says
 * which MN to fetch (nothing has been changed then; decide again once it is fetched). Never throws for bad input.
 */
export function decideFrame(
  frame: Uint8Array,
  ctx: FrameContext,
  lookup: DeviceLookup,
  reassembler: SplitReassembler,
  options: DecideOptions,
): FrameDecision | { fetch: string } {
  // HJ 212 frames are text: a NUL byte never belongs, and PostgreSQL text cannot hold one (a single such frame
  // would fail its whole batch). Refused before decoding, kept with U+FFFD in its place.
  if (frame.includes(0)) {
    const item = baseItem(ctx, textDecoder.decode(frame).replaceAll('\u0000', '\ufffd'));
    item.errorCode = 'HJ212_NUL_BYTE';
    return { item, replyAfterCommit: null, device: null, packet: null };
  }
  // Valid UTF-8 goes to COPY as the bytes received (no decoding here, no encoding there); anything else is kept
  // as text with U+FFFD for what cannot be read.
  const item = baseItem(ctx, isUtf8(frame) ? frame : textDecoder.decode(frame));
  let result = decodeFrame(frame, { crcMode: ctx.lastCrcMode, maxSegmentBytes: options.maxSegmentBytes });
  // The device may use another CRC mode than the last one seen here: read the MN without checking, then retry.
  if (!result.ok && result.error.code === 'HJ212_BAD_CRC') {
    const unchecked = decodeFrame(frame, { crcMode: 'none', maxSegmentBytes: options.maxSegmentBytes });
    if (unchecked.ok && unchecked.packet.mn) {
      item.mn = unchecked.packet.mn;
      item.cn = unchecked.packet.cn;
      item.qn = unchecked.packet.qn;
      const dev = lookup(unchecked.packet.mn);
      if (dev === undefined) return { fetch: unchecked.packet.mn };
      if (dev && dev.crcMode !== ctx.lastCrcMode) {
        result = decodeFrame(frame, { crcMode: dev.crcMode, maxSegmentBytes: options.maxSegmentBytes });
      }
    }
  }
  if (!result.ok) {
    item.errorCode = result.error.code;
    return { item, replyAfterCommit: null, device: null, packet: null };
  }
  const packet = result.packet;
  item.mn = packet.mn;
  item.cn = packet.cn;
  item.qn = packet.qn;
  item.dataTimeMs = firstDataTime(packet);
  if (!packet.mn) {
    item.errorCode = 'HJ212_BAD_HEADER';
    return { item, replyAfterCommit: null, device: null, packet };
  }
  const device = lookup(packet.mn);
  if (device === undefined) return { fetch: packet.mn };
  const reason: QuarantineReason | null = !device
    ? 'unknown-mn'
    : device.disabled
      ? 'disabled'
      : device.password !== (packet.pw ?? '')
        ? 'wrong-password'
        : null;
  if (reason) {
    item.outcome = 'quarantined';
    item.quarantine = reason;
    return { item, replyAfterCommit: null, device, packet };
  }
  const dev = device as DeviceAuth;
  const ack = packet.ackRequired ? encodeFrame(buildDataResponse(replyTo(packet)), dev.crcMode) : null;
  if (packet.cn === '1013') {
    // A time calibration request (notify): answered with 9013, then the clock is set with 1012.
    item.outcome = 'ignored';
    const notified = encodeFrame(buildNotificationResponse(replyTo(packet)), dev.crcMode);
    return {
      item,
      replyAfterCommit: notified + setClock(dev, packet, ctx.receivedAtMs),
      device: dev,
      packet,
    };
  }
  if (!DATA_CNS.has(packet.cn)) {
    item.outcome = packet.cn.startsWith('9') ? 'reply' : 'ignored';
    return { item, replyAfterCommit: ack, device: dev, packet };
  }
  if (hasImplausibleTime(packet, ctx.receivedAtMs, options)) {
    // Kept (and acknowledged: it is durable in quarantine, and a resend would only repeat it), never stored as
    // values — which would also open a monthly partition for whatever year the clock says — and the clock is set.
    item.outcome = 'quarantined';
    item.quarantine = 'implausible-time';
    item.errorCode = 'HJ212_IMPLAUSIBLE_DATA_TIME';
    return {
      item,
      replyAfterCommit: (ack ?? '') + setClock(dev, packet, ctx.receivedAtMs),
      device: dev,
      packet,
    };
  }
  if (packet.split) {
    const outcome = reassembler.add(packet, ctx.receivedAtMs);
    if (outcome.status === 'complete') {
      item.outcome = 'stored';
      item.deviceId = dev.id;
      item.rows = measurementRows(outcome.packet);
    } else {
      // The part's raw text is durable once committed, so it is acknowledged like any packet.
      item.outcome = 'partial';
    }
    return { item, replyAfterCommit: ack, device: dev, packet };
  }
  item.outcome = 'stored';
  item.deviceId = dev.id;
  item.rows = measurementRows(packet);
  return { item, replyAfterCommit: ack, device: dev, packet };
}

/** The validator stage with the device directory: fetches devices not cached yet, then decides. */
export async function processFrame(
  frame: Uint8Array,
  ctx: FrameContext,
  directory: DeviceDirectory,
  reassembler: SplitReassembler,
  options: DecideOptions,
): Promise<FrameDecision> {
  const fetched = new Map<string, DeviceAuth | null>();
  const lookup: DeviceLookup = (mn) => (fetched.has(mn) ? fetched.get(mn) : directory.peek(mn));
  for (;;) {
    const decision = decideFrame(frame, ctx, lookup, reassembler, options);
    if (!('fetch' in decision)) return decision;
    fetched.set(decision.fetch, await directory.get(decision.fetch));
  }
}
