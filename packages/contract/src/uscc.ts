/**
 * 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015: 18 characters from a
 * 31-symbol alphabet (digits and capitals without I, O, S, V, Z); the 18th is a check
 * character computed from the first 17 with weights 3^(i) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccCheck =
  | { ok: true; value: string }
  | { ok: false; position: number | null; message: string; expected?: string };

/** The check character that the first 17 characters call for. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] ?? '';
}

/**
 * Validates a credit code; on failure names the 1-based position at fault.
 * @example validateUscc('91350100M000100Y43') // { ok: true, value: '91350100M000100Y43' }
 */
export function validateUscc(input: string): UsccCheck {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) {
    return { ok: false, position: null, message: `统一社会信用代码应为18位，实际为${value.length}位` };
  }
  for (let i = 0; i < 18; i++) {
    const ch = value[i] ?? '';
    if (!ALPHABET.includes(ch)) {
      return {
        ok: false,
        position: i + 1,
        message: `第${i + 1}位字符“${ch}”不合法（只允许数字和除 I、O、S、V、Z 外的大写字母）`,
      };
    }
  }
  for (let i = 2; i < 8; i++) {
    if (!/[0-9]/.test(value[i] ?? '')) {
      return {
        ok: false,
        position: i + 1,
        message: `第${i + 1}位应为数字（第3–8位是登记管理机关行政区划码）`,
      };
    }
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return {
      ok: false,
      position: 18,
      expected,
      message: `第18位校验码错误：按前17位应为“${expected}”，实际为“${value[17]}”`,
    };
  }
  return { ok: true, value };
}
