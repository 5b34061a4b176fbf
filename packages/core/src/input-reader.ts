import { CalcError, pointer } from './calc-error.js';

/** Hand-written input checks for `runCalculation`: each names the field and what was expected. */

export type InputObject = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Requires a plain object whose keys are all in `allowed`. */
export function readObject(value: unknown, path: string, allowed: readonly string[]): InputObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CalcError('CALC_INVALID_INPUT', `expected an object, got ${describe(value)}`, path);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `unexpected field "${key}"; expected only ${allowed.join(', ')}`,
        pointer(path, key),
      );
    }
  }
  return value as InputObject;
}

function present(obj: InputObject, key: string, path: string, what: string): unknown {
  const value = obj[key];
  if (value === undefined) {
    throw new CalcError('CALC_INVALID_INPUT', `expected ${key} (${what})`, pointer(path, key));
  }
  return value;
}

/** A number or decimal string (checked for value by the calculation itself). */
export function numberField(obj: InputObject, key: string, path: string): string | number {
  const value = present(obj, key, path, 'a number');
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to be a number, got ${describe(value)}`,
      pointer(path, key),
    );
  }
  return value;
}

export function optionalNumberField(
  obj: InputObject,
  key: string,
  path: string,
): string | number | undefined {
  return obj[key] === undefined ? undefined : numberField(obj, key, path);
}

export function stringField(obj: InputObject, key: string, path: string): string {
  const value = present(obj, key, path, 'a string');
  if (typeof value !== 'string') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to be a string, got ${describe(value)}`,
      pointer(path, key),
    );
  }
  return value;
}

export function optionalStringField(obj: InputObject, key: string, path: string): string | undefined {
  return obj[key] === undefined ? undefined : stringField(obj, key, path);
}

export function booleanField(obj: InputObject, key: string, path: string): boolean {
  const value = present(obj, key, path, 'true or false');
  if (typeof value !== 'boolean') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to be true or false, got ${describe(value)}`,
      pointer(path, key),
    );
  }
  return value;
}

export function integerField(obj: InputObject, key: string, path: string): number {
  const value = present(obj, key, path, 'an integer');
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to be an integer, got ${JSON.stringify(value)}`,
      pointer(path, key),
    );
  }
  return value;
}

export function enumField<T extends string>(
  obj: InputObject,
  key: string,
  path: string,
  values: readonly T[],
): T | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !values.includes(value as T)) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`,
      pointer(path, key),
    );
  }
  return value as T;
}

export function arrayField(obj: InputObject, key: string, path: string, minLength = 0): unknown[] {
  const value = present(obj, key, path, 'an array');
  if (!Array.isArray(value)) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to be an array, got ${describe(value)}`,
      pointer(path, key),
    );
  }
  if (value.length < minLength) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected ${key} to have at least ${minLength} element(s)`,
      pointer(path, key),
    );
  }
  return value;
}

/** Every element of an array field as a number or decimal string. */
export function numberArrayField(
  obj: InputObject,
  key: string,
  path: string,
  minLength = 0,
): Array<string | number> {
  const values = arrayField(obj, key, path, minLength);
  return values.map((v, i) => {
    if (typeof v !== 'number' && typeof v !== 'string') {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `expected a number, got ${describe(v)}`,
        pointer(pointer(path, key), i),
      );
    }
    return v;
  });
}
