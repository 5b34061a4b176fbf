import { describe, expect, it } from 'vitest';
import { formatDataTime, formatQn, isoString, parseDataTime } from './data-time.js';

describe('parseDataTime', () => {
  it('reads a 14-digit DataTime as Beijing time (UTC+8)', () => {
    expect(new Date(parseDataTime('20160801085857')!).toISOString()).toBe('2016-08-01T00:58:57.000Z');
  });

  it('crosses the date line back to the previous UTC day before 08:00 Beijing time', () => {
    expect(new Date(parseDataTime('20160801000000')!).toISOString()).toBe('2016-07-31T16:00:00.000Z');
  });

  it('accepts 17 digits with milliseconds', () => {
    expect(new Date(parseDataTime('20160824003817123')!).toISOString()).toBe('2016-08-23T16:38:17.123Z');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseDataTime('20240229120000')).not.toBeNull();
    expect(parseDataTime('20230229120000')).toBeNull();
  });

  it('rejects wrong lengths, non-digits and out-of-range fields', () => {
    for (const bad of [
      '',
      '2016080108585',
      '201608010858570',
      '2016080108585x',
      '20161301000000',
      '20160801240000',
      '20160801006000',
      '20160431000000',
    ]) {
      expect(parseDataTime(bad)).toBeNull();
    }
  });
});

describe('formatDataTime and formatQn', () => {
  it('format epoch milliseconds as Beijing local time', () => {
    const ms = Date.UTC(2016, 7, 1, 0, 58, 57, 223);
    expect(formatDataTime(ms)).toBe('20160801085857');
    expect(formatQn(ms)).toBe('20160801085857223');
  });

  it('round-trip with parseDataTime', () => {
    const ms = Date.UTC(2025, 11, 31, 17, 5, 9);
    expect(parseDataTime(formatDataTime(ms))).toBe(ms);
  });
});

describe('isoString', () => {
  it('matches Date.prototype.toISOString across leap years, centuries and day boundaries', () => {
    const samples = [
      0, -1, 951_782_400_000, 4_107_542_399_999, -2_208_988_800_000, 1_709_164_800_000, 253_402_300_799_999,
    ];
    for (let t = -3e12; t < 4e12; t += 7_777_777_777) samples.push(t);
    for (const ms of samples) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });
});
