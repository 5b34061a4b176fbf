const RULES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/must NOT have fewer than (\d+) characters/, (m) => `至少 ${m[1]} 个字符`],
  [/must NOT have more than (\d+) characters/, (m) => `最多 ${m[1]} 个字符`],
  [/must match pattern/, () => '格式不正确'],
  [/must be >= (\S+)/, (m) => `不能小于 ${m[1]}`],
  [/must be <= (\S+)/, (m) => `不能大于 ${m[1]}`],
  [/must have required property/, () => '必填'],
  [/must match format "uuid"/, () => '应为有效的编号（UUID）'],
  [/must be (string|number|integer|boolean)/, (m) => `类型应为 ${m[1]}`],
  [/is not a known field/, () => '不是可识别的字段'],
];

/** Turns a JSON-schema (ajv) message into Chinese, keeping the original for anything unknown. */
export function validationMessageZh(message: string): string {
  for (const [re, zh] of RULES) {
    const m = message.match(re);
    if (m) return `${zh(m)}（${message}）`;
  }
  return message;
}
