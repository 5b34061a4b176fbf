import { expect } from 'vitest';
import { CalcError } from './calc-error.js';

/** Asserts that `fn` throws a CalcError with this code and path. */
export function expectCalcError(fn: () => unknown, code: string, path: string): CalcError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalcError);
    const e = error as CalcError;
    expect({ code: e.code, path: e.path }).toEqual({ code, path });
    expect(e.message.length).toBeGreaterThan(10);
    return e;
  }
  throw new Error(`expected a CalcError ${code} at ${path}, but nothing was thrown`);
}
