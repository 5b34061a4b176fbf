import { describe, expect, it } from 'vitest';
import { isOnline, sourceStatus } from './source-status.js';

const NOW = Date.UTC(2026, 10, 24, 2);

describe('source status', () => {
  it('counts a device online for three expected intervals after its last stored packet', () => {
    const base = { connected: false, expectedIntervalS: 60, nowMs: NOW };
    expect(isOnline({ ...base, lastReceivedMs: NOW - 180_000 })).toBe(true);
    expect(isOnline({ ...base, lastReceivedMs: NOW - 180_001 })).toBe(false);
    expect(isOnline({ ...base, expectedIntervalS: 3600, lastReceivedMs: NOW - 2 * 3_600_000 })).toBe(true);
  });

  it('counts a connected device online even before its first packet, and a silent one offline', () => {
    expect(isOnline({ connected: true, lastReceivedMs: null, expectedIntervalS: 60, nowMs: NOW })).toBe(true);
    expect(isOnline({ connected: false, lastReceivedMs: null, expectedIntervalS: 60, nowMs: NOW })).toBe(
      false,
    );
  });

  it('shows an open alarm before online or offline', () => {
    expect(sourceStatus(true, 2)).toBe('alarm');
    expect(sourceStatus(false, 1)).toBe('alarm');
    expect(sourceStatus(true, 0)).toBe('online');
    expect(sourceStatus(false, 0)).toBe('offline');
  });
});
