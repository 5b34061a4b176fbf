import { describe, expect, it } from 'vitest';
import { numberFlag } from './number-flag.js';

describe('numberFlag', () => {
  it('reads numbers within the allowed range', () => {
    expect(numberFlag('rate', '0.5')).toBe(0.5);
    expect(numberFlag('devices', '1000', { min: 1, integer: true })).toBe(1000);
  });

  it('names the flag and what was expected when the value is not one', () => {
    expect(() => numberFlag('devices', 'ten', { min: 1, integer: true })).toThrow(/--devices "ten".*integer/);
    expect(() => numberFlag('devices', '0', { min: 1, integer: true })).toThrow(/≥ 1/);
    expect(() => numberFlag('window', '2.5', { integer: true })).toThrow(/--window/);
    expect(() => numberFlag('rate', '-1')).toThrow(/--rate "-1"/);
    expect(() => numberFlag('rate', '')).toThrow(/--rate/);
  });
});
