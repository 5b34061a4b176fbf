export interface ExplainCoefficient {
  name: string;
  value: string | number;
  unit: string;
  source: string;
}

/** The explanation every calculation returns (packages/core `Explain`). */
export interface Explain {
  formula: string;
  inputs?: Record<string, unknown>;
  coefficients?: ExplainCoefficient[];
  notes?: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isExplain = (v: unknown): v is Explain => isRecord(v) && typeof v.formula === 'string';

/**
 * Every explanation in a calculation's output with the path where it sits (`explain`,
 * `items/0/explain`, `explain/intensity`), the top-level one first.
 */
export function findExplains(output: unknown, path = ''): Array<{ path: string; explain: Explain }> {
  const found: Array<{ path: string; explain: Explain }> = [];
  if (isExplain(output)) {
    found.push({ path: path || '(根)', explain: output });
    return found;
  }
  if (Array.isArray(output)) {
    output.forEach((item, i) => {
      found.push(...findExplains(item, path ? `${path}/${i}` : String(i)));
    });
  } else if (isRecord(output)) {
    for (const [k, v] of Object.entries(output)) found.push(...findExplains(v, path ? `${path}/${k}` : k));
  }
  return found.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
}
