/**
 * Error and warning codes produced by this package. Errors make a decode fail; warnings describe a
 * deviation from HJ 212-2017 that was tolerated (the packet still decoded).
 */
export const HJ212_ERROR_CODES = [
  'HJ212_BAD_HEADER',
  'HJ212_BAD_LENGTH',
  'HJ212_BAD_CRC',
  'HJ212_BAD_FIELD',
  'HJ212_TOO_LARGE',
  'HJ212_GARBAGE',
  'HJ212_TRUNCATED',
  'HJ212_BUFFER_OVERFLOW',
] as const;

/** A code that makes a decode (or a framing step) fail. */
export type Hj212ErrorCode = (typeof HJ212_ERROR_CODES)[number];

export const HJ212_WARNING_CODES = [
  'HJ212_OVER_1024',
  'HJ212_LENGTH_MISMATCH',
  'HJ212_SHORT_LENGTH_FIELD',
  'HJ212_NO_LENGTH_FIELD',
  'HJ212_LF_ONLY',
  'HJ212_NO_TERMINATOR',
  'HJ212_CRC_NOT_CHECKED',
  'HJ212_MISSING_FIELD',
  'HJ212_DUPLICATE_FIELD',
  'HJ212_CP_UNTERMINATED',
  'HJ212_ITEM_WITHOUT_VALUE',
  'HJ212_BAD_NUMBER',
  'HJ212_BAD_DATATIME',
  'HJ212_SPLIT_WITHOUT_FLAG',
] as const;

/** A code for a tolerated deviation. */
export type Hj212WarningCode = (typeof HJ212_WARNING_CODES)[number];

/** Why a decode failed: a stable `code` and a message that says what was expected. */
export interface Hj212Error {
  readonly code: Hj212ErrorCode;
  readonly message: string;
}

/** A tolerated deviation found while framing or decoding. */
export interface Hj212Warning {
  readonly code: Hj212WarningCode;
  readonly message: string;
}

/** Result type used by every decoding function: decoders never throw. */
export type Hj212Result<T> =
  | { readonly ok: true; readonly packet: T; readonly warnings: Hj212Warning[] }
  | { readonly ok: false; readonly error: Hj212Error };

/** @internal */
export function failure(code: Hj212ErrorCode, message: string): { ok: false; error: Hj212Error } {
  return { ok: false, error: { code, message } };
}
