import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceEntry } from './balance.js';

const noChain = { previous: null, next: null };
const good = {
  generatedT: 1000,
  utilizedT: 900,
  utilizedFromStockT: 100,
  routes: { buildingMaterialsT: 600, backfillT: 200, roadBaseT: 100 },
  disposedT: 50,
  storedT: 150,
};

describe('solid-waste stockpile balance', () => {
  it('accepts a balanced entry and computes the closing stock from the opening stock', () => {
    const r = balanceEntry({ ...good, openingStockT: 400 }, noChain);
    expect(r).toMatchObject({ ok: true, value: { openingStockT: '400', closingStockT: '450' } });
  });

  it('rejects generated that does not equal utilised − from stock + disposed + stored, naming the numbers', () => {
    const r = balanceEntry({ ...good, openingStockT: 400, generatedT: 1010 }, noChain);
    if (r.ok) throw new Error('expected a rejection');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      code: 'LEDGER_BALANCE_MISMATCH',
      field: 'generatedT',
      numbers: { generatedT: '1010', accountedT: '1000', differenceT: '10' },
    });
    expect(r.problems[0]?.message).toContain('1010');
  });

  it('takes the opening stock from the previous period and refuses one that differs', () => {
    const chain = { previous: { period: '2025-02', closingStockT: '400' }, next: null };
    expect(balanceEntry(good, chain)).toMatchObject({ ok: true, value: { openingStockT: '400' } });
    const r = balanceEntry({ ...good, openingStockT: 390 }, chain);
    if (r.ok) throw new Error('expected a rejection');
    expect(r.problems[0]).toMatchObject({
      field: 'openingStockT',
      numbers: { openingStockT: '390', previousPeriod: '2025-02', previousClosingStockT: '400' },
    });
  });

  it('refuses a closing stock that the next period does not start from', () => {
    const r = balanceEntry(
      { ...good, openingStockT: 400 },
      {
        previous: null,
        next: { period: '2025-04', openingStockT: '460' },
      },
    );
    if (r.ok) throw new Error('expected a rejection');
    expect(r.problems[0]).toMatchObject({ field: 'closingStockT', numbers: { nextOpeningStockT: '460' } });
  });

  it('refuses routes that do not add up and more from stock than the stockpile held', () => {
    const r = balanceEntry({ ...good, openingStockT: 50, routes: { buildingMaterialsT: 600 } }, noChain);
    if (r.ok) throw new Error('expected a rejection');
    expect(r.problems.map((p) => p.field).sort()).toEqual(['routes', 'utilizedFromStockT']);
  });

  it('accepts every consistent entry and rejects it once generated is off by any amount', () => {
    const t = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(
        t,
        t,
        t,
        t,
        t,
        fc.integer({ min: 1, max: 1000 }),
        (opening, fresh, fromStockRaw, disposed, stored, off) => {
          const fromStock = Math.min(fromStockRaw, opening);
          const utilized = fresh + fromStock;
          const input = {
            openingStockT: opening,
            generatedT: fresh + disposed + stored,
            utilizedT: utilized,
            utilizedFromStockT: fromStock,
            routes: { powerT: utilized },
            disposedT: disposed,
            storedT: stored,
          };
          const ok = balanceEntry(input, noChain);
          expect(ok).toMatchObject({
            ok: true,
            value: { closingStockT: String(opening + stored - fromStock) },
          });
          expect(balanceEntry({ ...input, generatedT: input.generatedT + off }, noChain).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
