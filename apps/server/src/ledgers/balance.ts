import { Dec, type Decimal } from '@ecep/core';

/**
 * The stockpile balance of one solid-waste ledger entry (one enterprise, one waste type, one period), in tonnes.
 *
 * Identities (all exact decimals, no tolerance):
 *
 * 1. Where this period's waste went — 产生量 = (综合利用量 − 其中利用往年贮存量) + 处置量 + 贮存量:
 *    `generatedT = utilizedT − utilizedFromStockT + disposedT + storedT`
 * 2. The stockpile — 期末贮存量 = 期初贮存量 + 本期贮存量 − 利用往年贮存量:
 *    `closingStockT = openingStockT + storedT − utilizedFromStockT`
 * 3. The utilisation routes add up — 建材 + 发电 + 充填 + 筑路 + 土地复垦 + 其他 = 综合利用量.
 * 4. What is taken from stock is part of what is utilised and cannot exceed the stock at the start:
 *    `utilizedFromStockT ≤ utilizedT` and `utilizedFromStockT ≤ openingStockT` (so the closing stock is ≥ 0).
 * 5. Continuity — the opening stock equals the closing stock of the latest earlier entry of the same enterprise,
 *    waste type and period type (months chain to months, years to years), and the closing stock equals the
 *    opening stock of the earliest later entry, if there is one. A gap (a month without an entry) means no
 *    movement. The first entry of a chain declares the stockpile it starts from.
 *
 * An omitted opening stock is taken from rule 5 (0 for a first entry); an omitted closing stock is computed from
 * rule 2. A given one must agree.
 */
export const ROUTE_KEYS = [
  'buildingMaterialsT',
  'powerT',
  'backfillT',
  'roadBaseT',
  'landReclamationT',
  'otherUseT',
] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];

type Num = string | number;

export interface BalanceInput {
  openingStockT?: Num | null;
  generatedT: Num;
  utilizedT: Num;
  utilizedFromStockT?: Num | null;
  routes?: Partial<Record<RouteKey, Num | null>>;
  disposedT: Num;
  storedT: Num;
  closingStockT?: Num | null;
}

/** A balanced entry: every quantity as an exact decimal string. */
export interface BalancedQuantities {
  openingStockT: string;
  generatedT: string;
  utilizedT: string;
  utilizedFromStockT: string;
  routes: Record<RouteKey, string>;
  disposedT: string;
  storedT: string;
  closingStockT: string;
}

/** The neighbours of the entry in its chain (rule 5). */
export interface ChainContext {
  previous: { period: string; closingStockT: string } | null;
  next: { period: string; openingStockT: string } | null;
}

export interface BalanceProblem {
  code: 'LEDGER_BALANCE_MISMATCH' | 'LEDGER_ENTRY_INVALID';
  field: string;
  /** Chinese first, then English, with the numbers that do not add up. */
  message: string;
  numbers: Record<string, string>;
}

const s = (d: Decimal) => d.toFixed();

function read(v: Num | null | undefined, field: string, problems: BalanceProblem[]): Decimal | null {
  if (v === null || v === undefined || v === '') return null;
  let d: Decimal;
  try {
    d = new Dec(v);
  } catch {
    problems.push({
      code: 'LEDGER_ENTRY_INVALID',
      field,
      message: `${field} 应为数字，收到“${String(v)}” / not a number`,
      numbers: {},
    });
    return null;
  }
  if (!d.isFinite() || d.isNegative()) {
    problems.push({
      code: 'LEDGER_ENTRY_INVALID',
      field,
      message: `${field} 不能为负数，收到 ${String(v)} / must be ≥ 0`,
      numbers: { [field]: String(v) },
    });
    return null;
  }
  return d;
}

/**
 * Checks an entry against the identities above and fills in an omitted opening or closing stock.
 *
 * @example
 * balanceEntry({ generatedT: 100, utilizedT: 70, utilizedFromStockT: 10, disposedT: 10, storedT: 30,
 *   routes: { buildingMaterialsT: 70 } }, { previous: { period: '2025-01', closingStockT: '500' }, next: null });
 * // → ok, openingStockT '500', closingStockT '520'
 */
export function balanceEntry(
  input: BalanceInput,
  chain: ChainContext,
): { ok: true; value: BalancedQuantities } | { ok: false; problems: BalanceProblem[] } {
  const problems: BalanceProblem[] = [];
  const generated = read(input.generatedT, 'generatedT', problems);
  const utilized = read(input.utilizedT, 'utilizedT', problems);
  const fromStock = read(input.utilizedFromStockT ?? 0, 'utilizedFromStockT', problems);
  const disposed = read(input.disposedT, 'disposedT', problems);
  const stored = read(input.storedT, 'storedT', problems);
  const openingGiven = read(input.openingStockT, 'openingStockT', problems);
  const closingGiven = read(input.closingStockT, 'closingStockT', problems);
  const routes = {} as Record<RouteKey, Decimal>;
  for (const k of ROUTE_KEYS) routes[k] = read(input.routes?.[k] ?? 0, `routes.${k}`, problems) ?? new Dec(0);
  if (problems.length || !generated || !utilized || !fromStock || !disposed || !stored) {
    for (const [f, v] of [
      ['generatedT', input.generatedT],
      ['utilizedT', input.utilizedT],
      ['disposedT', input.disposedT],
      ['storedT', input.storedT],
    ] as const) {
      if ((v === null || v === undefined || v === '') && !problems.some((p) => p.field === f))
        problems.push({
          code: 'LEDGER_ENTRY_INVALID',
          field: f,
          message: `${f} 必填 / required`,
          numbers: {},
        });
    }
    return { ok: false, problems };
  }

  const previousClosing = chain.previous ? new Dec(chain.previous.closingStockT) : null;
  const opening = openingGiven ?? previousClosing ?? new Dec(0);
  if (chain.previous && previousClosing && !opening.eq(previousClosing)) {
    problems.push({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'openingStockT',
      message: `期初贮存量 ${s(opening)} t 不等于上期（${chain.previous.period}）期末贮存量 ${s(previousClosing)} t / opening stock ${s(opening)} t ≠ closing stock ${s(previousClosing)} t of ${chain.previous.period}`,
      numbers: {
        openingStockT: s(opening),
        previousPeriod: chain.previous.period,
        previousClosingStockT: s(previousClosing),
      },
    });
  }
  if (fromStock.gt(utilized)) {
    problems.push({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'utilizedFromStockT',
      message: `其中利用往年贮存量 ${s(fromStock)} t 大于综合利用量 ${s(utilized)} t / utilised from stock exceeds utilised`,
      numbers: { utilizedFromStockT: s(fromStock), utilizedT: s(utilized) },
    });
  }
  if (fromStock.gt(opening)) {
    problems.push({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'utilizedFromStockT',
      message: `利用往年贮存量 ${s(fromStock)} t 大于期初贮存量 ${s(opening)} t / more taken from stock than the stockpile held`,
      numbers: { utilizedFromStockT: s(fromStock), openingStockT: s(opening) },
    });
  }
  const accounted = utilized.minus(fromStock).plus(disposed).plus(stored);
  if (!accounted.eq(generated)) {
    problems.push({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'generatedT',
      message: `产生量 ${s(generated)} t ≠ 综合利用量 ${s(utilized)} − 利用往年贮存量 ${s(fromStock)} + 处置量 ${s(disposed)} + 贮存量 ${s(stored)} = ${s(accounted)} t（相差 ${s(generated.minus(accounted))} t）/ generated ≠ utilised − from stock + disposed + stored`,
      numbers: {
        generatedT: s(generated),
        utilizedT: s(utilized),
        utilizedFromStockT: s(fromStock),
        disposedT: s(disposed),
        storedT: s(stored),
        accountedT: s(accounted),
        differenceT: s(generated.minus(accounted)),
      },
    });
  }
  const routeSum = ROUTE_KEYS.reduce((sum, k) => sum.plus(routes[k]), new Dec(0));
  if (!routeSum.eq(utilized)) {
    problems.push({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'routes',
      message: `各利用去向之和 ${s(routeSum)} t ≠ 综合利用量 ${s(utilized)} t / the routes add up to ${s(routeSum)} t, not the utilised ${s(utilized)} t`,
      numbers: { routesSumT: s(routeSum), utilizedT: s(utilized) },
    });
  }
  const closing = opening.plus(stored).minus(fromStock);
  if (closingGiven && !closingGiven.eq(closing)) {
    problems.push({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'closingStockT',
      message: `期末贮存量 ${s(closingGiven)} t ≠ 期初 ${s(opening)} + 贮存量 ${s(stored)} − 利用往年贮存量 ${s(fromStock)} = ${s(closing)} t / closing stock does not balance`,
      numbers: {
        closingStockT: s(closingGiven),
        openingStockT: s(opening),
        storedT: s(stored),
        utilizedFromStockT: s(fromStock),
        expectedClosingStockT: s(closing),
      },
    });
  }
  if (chain.next && !problems.some((p) => p.field === 'closingStockT')) {
    const nextOpening = new Dec(chain.next.openingStockT);
    if (!nextOpening.eq(closing)) {
      problems.push({
        code: 'LEDGER_BALANCE_MISMATCH',
        field: 'closingStockT',
        message: `期末贮存量 ${s(closing)} t 与下期（${chain.next.period}）期初贮存量 ${s(nextOpening)} t 不一致，请先更正下期 / closing stock ${s(closing)} t ≠ opening stock ${s(nextOpening)} t of ${chain.next.period}`,
        numbers: {
          closingStockT: s(closing),
          nextPeriod: chain.next.period,
          nextOpeningStockT: s(nextOpening),
        },
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      openingStockT: s(opening),
      generatedT: s(generated),
      utilizedT: s(utilized),
      utilizedFromStockT: s(fromStock),
      routes: Object.fromEntries(ROUTE_KEYS.map((k) => [k, s(routes[k])])) as Record<RouteKey, string>,
      disposedT: s(disposed),
      storedT: s(stored),
      closingStockT: s(closing),
    },
  };
}
