import { describe, expect, it } from 'vitest';
import { contentOf, valuesOf } from './report-form';

describe('report form values', () => {
  it('leave out optional amounts left empty and products with nothing filled in', () => {
    const c = contentOf({
      periodType: 'year',
      period: '2025',
      energy: [
        {
          energyCode: 'raw-coal',
          unit: 't',
          openingStock: null,
          purchased: 10,
          consumed: 8,
          closingStock: 2,
        },
      ],
      products: [{ name: '', unit: undefined, output: null }],
      outputValue10kYuan: null,
      note: '  ',
    });
    expect(c).toEqual({
      energy: [{ energyCode: 'raw-coal', unit: 't', purchased: 10, consumed: 8, closingStock: 2 }],
    });
  });

  it('round-trip a stored report’s content', () => {
    const content = {
      energy: [{ energyCode: 'electricity', unit: '10^4 kWh', purchased: 5, consumed: 5, outputToOthers: 1 }],
      products: [{ name: '焦炭', unit: 't', output: 1000 }],
      outputValue10kYuan: 300,
      note: '说明',
    };
    expect(contentOf(valuesOf('month', '2026-03', content))).toEqual(content);
  });
});
