import { describe, expect, it } from 'vitest';
import { effectiveSettings, STANDARD_PROFILES } from './standard-profiles.js';

describe('standard profiles', () => {
  it('give a device the profile’s reference O2 and limits, overridden factor by factor', () => {
    const s = effectiveSettings({ standardProfile: 'GB4915-2013-kiln', limits: { a21002: 320 } });
    expect(s.referenceO2Pct).toBe(10);
    expect(s.limits).toEqual({ a34013: 30, a21026: 200, a21002: 320 });
  });

  it('keep a device’s own reference O2 and leave settings without a known profile unchanged', () => {
    expect(
      effectiveSettings({ standardProfile: 'GB13223-2011-ultra-low', referenceO2Pct: 3 }).referenceO2Pct,
    ).toBe(3);
    const own = { limits: { a21026: 35 } };
    expect(effectiveSettings(own)).toEqual(own);
  });

  it('cover the standards the issue names, each profile with a unique code and positive limits', () => {
    const codes = STANDARD_PROFILES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const prefix of [
      'GB13223',
      'GB16171',
      'GB4915',
      'GB28662',
      'GB28663',
      'GB28664',
      'GB28665',
      'GB8978',
    ]) {
      expect(codes.some((c) => c.startsWith(prefix))).toBe(true);
    }
    expect(STANDARD_PROFILES.every((p) => Object.values(p.limits).every((v) => v > 0))).toBe(true);
  });
});
