import type { SourceStatus } from '@ecep/contract';

/** A source is offline after this many expected intervals without a stored packet (as the offline alarm). */
export const ONLINE_INTERVALS = 3;

/**
 * Online when the device holds a gateway connection or its last stored packet arrived within
 * `ONLINE_INTERVALS` expected intervals of `nowMs`.
 */
export function isOnline(input: {
  connected: boolean;
  lastReceivedMs: number | null;
  expectedIntervalS: number;
  nowMs: number;
}): boolean {
  if (input.connected) return true;
  if (input.lastReceivedMs === null) return false;
  return input.nowMs - input.lastReceivedMs <= ONLINE_INTERVALS * input.expectedIntervalS * 1000;
}

/** The badge of a source: an open unacknowledged alarm wins; otherwise online or offline. */
export function sourceStatus(online: boolean, openAlarms: number): SourceStatus {
  if (openAlarms > 0) return 'alarm';
  return online ? 'online' : 'offline';
}
