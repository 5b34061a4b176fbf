import type { AllocationCheck } from '@ecep/contract';
import { Dec, type Decimal, formatGbt8170 } from '@ecep/core';

export interface AllocationPart {
  regionCode: string;
  changePct: Decimal | null;
  targetValue: Decimal | null;
  /** Base-year energy (or GDP) of the part, the weight of its change in the whole. */
  weight: Decimal | null;
}

/**
 * Whether the parts add up to the whole. Intensity: the base-weighted mean of the parts' changes must be
 * at least as strong as the whole's change (tolerance 0.05 percentage points). Totals: the parts' caps
 * must not exceed the whole's cap.
 */
export function checkAllocation(
  kind: 'intensity' | 'total',
  parent: Decimal,
  parts: AllocationPart[],
  expectedParts: string[],
): AllocationCheck {
  const given = new Set(parts.map((p) => p.regionCode));
  const missingParts = expectedParts.filter((c) => !given.has(c));
  if (kind === 'total') {
    const caps = parts.filter((p) => p.targetValue !== null);
    const sum = caps.reduce((acc, p) => acc.plus(p.targetValue as Decimal), new Dec(0));
    const gap = sum.minus(parent);
    return {
      kind,
      consistent: missingParts.length === 0 && gap.lte(0),
      parentValue: parent.toFixed(),
      impliedValue: sum.toFixed(),
      gap: gap.toFixed(),
      missingParts,
      missingWeights: [],
      explain: {
        formula: 'Σ part caps ≤ whole cap',
        inputs: { parentCap: parent.toFixed(), sumOfParts: sum.toFixed(), parts: caps.length },
      },
    };
  }
  const missingWeights = parts
    .filter((p) => p.weight === null || p.changePct === null)
    .map((p) => p.regionCode);
  const weighted = parts.filter((p) => p.weight !== null && p.changePct !== null);
  const totalWeight = weighted.reduce((acc, p) => acc.plus(p.weight as Decimal), new Dec(0));
  const implied = totalWeight.isZero()
    ? null
    : weighted
        .reduce((acc, p) => acc.plus((p.weight as Decimal).times(p.changePct as Decimal)), new Dec(0))
        .div(totalWeight);
  // A change is negative for a reduction: the parts fall short when their mean is above the whole's.
  const gap = implied ? implied.minus(parent) : null;
  return {
    kind,
    consistent: missingParts.length === 0 && missingWeights.length === 0 && (gap?.lte(0.05) ?? false),
    parentValue: parent.toFixed(),
    impliedValue: implied ? formatGbt8170(implied, 2) : null,
    gap: gap ? formatGbt8170(gap, 2) : null,
    missingParts,
    missingWeights,
    explain: {
      formula:
        'implied change = Σ(weight_i × change_i) ÷ Σ weight_i (weight = base-year energy use); consistent when implied ≤ whole + 0.05 pp',
      inputs: {
        parentChangePct: parent.toFixed(),
        impliedChangePct: implied?.toFixed(4) ?? 'n/a',
        parts: weighted.length,
      },
      notes: [
        'Assumes the parts’ GDP grows alike; with very different growth the exact figure differs slightly.',
      ],
    },
  };
}
