/** A numeric command-line flag, refused with its name and what was expected when it is not one. */
export function numberFlag(
  flag: string,
  value: string | undefined,
  expect: { min?: number; integer?: boolean } = {},
): number {
  const n = Number(value);
  const min = expect.min ?? 0;
  if (
    value === undefined ||
    value.trim() === '' ||
    !Number.isFinite(n) ||
    n < min ||
    (expect.integer && !Number.isInteger(n))
  ) {
    const [zh, en] = expect.integer ? ['整数', 'an integer'] : ['数', 'a number'];
    throw new Error(`--${flag} "${value ?? ''}": 应为 ≥ ${min} 的${zh} / expected ${en} ≥ ${min}`);
  }
  return n;
}
