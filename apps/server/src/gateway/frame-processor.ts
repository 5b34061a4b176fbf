import { isUtf8 } from 'node:buffer';
import {
  buildDataResponse,
  type CrcMode,
  decodeFrame,
  encodeFrame,
  type Hj212Packet,
  replyTo,
  type SplitReassembler,
} from '@ecep/hj212';
import type { DeviceAuth, DeviceDirectory } from '../devices/device-directory.js';
import { DATA_CNS } from './gateway-options.js';
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
  options: { maxSegmentBytes: number },
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
  if (!DATA_CNS.has(packet.cn)) {
    item.outcome = packet.cn.startsWith('9') ? 'reply' : 'ignored';
    return { item, replyAfterCommit: ack, device: dev, packet };
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
  options: { maxSegmentBytes: number },
): Promise<FrameDecision> {
  const fetched = new Map<string, DeviceAuth | null>();
  const lookup: DeviceLookup = (mn) => (fetched.has(mn) ? fetched.get(mn) : directory.peek(mn));
  for (;;) {
    const decision = decideFrame(frame, ctx, lookup, reassembler, options);
    if (!('fetch' in decision)) return decision;
    fetched.set(decision.fetch, await directory.get(decision.fetch));
  }
}
