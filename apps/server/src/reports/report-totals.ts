import type { ReportContent, ReportTotals } from '@ecep/contract';
import { Dec, type Decimal, formatGbt8170, toTce } from '@ecep/core';

export interface BalanceIssue {
  index: number;
  field: string;
  message: string;
}

/**
 * Per energy: opening stock + purchased − consumed − supplied to others = closing stock, when both stocks
 * are given. A tolerance of 0.5 % of the throughput absorbs rounding in the enterprise's own books.
 */
export function checkEnergyBalance(content: ReportContent): BalanceIssue[] {
  const issues: BalanceIssue[] = [];
  content.energy.forEach((e, index) => {
    if (e.openingStock === undefined || e.closingStock === undefined) return;
    const expected = new Dec(e.openingStock)
      .plus(e.purchased)
      .minus(e.consumed)
      .minus(e.outputToOthers ?? 0);
    const diff = expected.minus(e.closingStock).abs();
    const tolerance = Dec.max(new Dec(e.purchased).plus(e.openingStock).times(0.005), 0.001);
    if (diff.gt(tolerance)) {
      issues.push({
        index,
        field: `energy/${index}/closingStock`,
        message: `${e.energyCode}: 期初 ${e.openingStock} + 购进 ${e.purchased} − 消费 ${e.consumed} − 外供 ${e.outputToOthers ?? 0} = ${expected.toFixed()}，但期末库存填报为 ${e.closingStock} / stock does not balance`,
      });
    }
  });
  const codes = new Map<string, number>();
  content.energy.forEach((e, index) => {
    const first = codes.get(e.energyCode);
    if (first !== undefined) {
      issues.push({
        index,
        field: `energy/${index}/energyCode`,
        message: `能源品种 ${e.energyCode} 与第 ${first + 1} 行重复 / duplicate energy`,
      });
    } else codes.set(e.energyCode, index);
  });
  return issues;
}

/** Totals of a report through the calculation engine: every tce figure keeps its coefficient and source. */
export function reportTotals(content: ReportContent): ReportTotals {
  const consumed = toTce({
    items: content.energy.map((e) => ({ energy: e.energyCode, amount: e.consumed, unit: e.unit })),
  });
  const supplied = content.energy.filter((e) => (e.outputToOthers ?? 0) > 0);
  const outputTce: Decimal = supplied.length
    ? toTce({
        items: supplied.map((e) => ({ energy: e.energyCode, amount: e.outputToOthers ?? 0, unit: e.unit })),
      }).totalTce
    : new Dec(0);
  const comprehensive = consumed.totalTce.minus(outputTce);
  const products = content.products ?? [];
  // With several products the energy is not split by product here; unit consumption is shown only for one.
  const unitProduct =
    products.length === 1
      ? products.map((p) => ({
          product: p.name,
          unit: p.unit,
          kgcePerUnit: formatGbt8170(comprehensive.times(1000).div(p.output), 3),
        }))
      : [];
  return {
    consumedTce: formatGbt8170(consumed.totalTce, 3),
    outputToOthersTce: formatGbt8170(outputTce, 3),
    comprehensiveTce: formatGbt8170(comprehensive, 3),
    items: consumed.items.map((i) => ({
      energyCode: i.energy,
      nameZh: i.nameZh,
      consumedTce: formatGbt8170(i.tce, 3),
      coefficient: `${i.coefficientKgcePerUnit.toFixed()} kgce/${i.coefficientUnit}`,
      source: i.source,
    })),
    unitProduct,
    intensityTcePer10kYuan: content.outputValue10kYuan
      ? formatGbt8170(comprehensive.div(content.outputValue10kYuan), 4)
      : null,
    explain: {
      formula:
        'comprehensiveTce = Σ consumed_i × coefficient_i − Σ suppliedToOthers_i × coefficient_i (GB/T 2589-2020)',
      inputs: { consumedTce: consumed.totalTce.toFixed(), outputToOthersTce: outputTce.toFixed() },
      notes: [
        '单位产品能耗 = 综合能耗 ÷ 产品产量（仅单一产品时给出）',
        '产值能耗 = 综合能耗 ÷ 工业总产值（万元，可比价）',
      ],
      consumed: consumed.explain,
    },
  };
}
