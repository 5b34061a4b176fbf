import { describe, expect, it } from 'vitest';
import { docPeriod, docSource, docTargets, docTasks } from './plan-document';

const doc = {
  source: { issuer: '山西省人民政府', date: '2012-04-08', file: '002.txt' },
  period: { from: 2011, to: 2015 },
  targets: [
    {
      code: 'energy_intensity',
      name: '万元地区生产总值综合能耗',
      unit: 'tce/10k yuan',
      scope: '140000',
      base: { year: 2010, value: 2.24 },
      target: { year: 2015, value: 1.877, changePct: -16 },
      direction: 'decrease',
      sourceText: '累计下降16%',
      inconsistency: { note: '2.24 × 0.84 ≠ 1.877' },
    },
    'not a target',
  ],
  tasks: [
    { id: 'a', title: '推动节能', leadUnits: ['省经信委'], cooperatingUnits: [], deadline: '2015-12-31' },
    { name: '旧格式', lead: '省发改委', cooperating: '省财政厅' },
  ],
};

describe('reading a plan document', () => {
  it('reads a target with base, target, change and the note on the source’s inconsistency', () => {
    const [t] = docTargets(doc);
    expect(t).toMatchObject({
      code: 'energy_intensity',
      baseYear: 2010,
      baseValue: '2.24',
      targetYear: 2015,
      targetValue: '1.877',
      changePct: '-16',
      sourceText: '累计下降16%',
      inconsistencyNote: '2.24 × 0.84 ≠ 1.877',
    });
    expect(docTargets(doc)).toHaveLength(1);
  });

  it('reads lead and cooperating units given as lists or as single names', () => {
    const tasks = docTasks(doc);
    expect(tasks[0]).toMatchObject({ title: '推动节能', leadUnits: ['省经信委'], deadline: '2015-12-31' });
    expect(tasks[1]).toMatchObject({
      title: '旧格式',
      leadUnits: ['省发改委'],
      cooperatingUnits: ['省财政厅'],
    });
  });

  it('reads the source and period, and returns empty values for a document without them', () => {
    expect(docSource(doc)).toMatchObject({ issuer: '山西省人民政府', date: '2012-04-08', file: '002.txt' });
    expect(docPeriod(doc)).toEqual({ from: 2011, to: 2015 });
    expect(docSource(null).issuer).toBeNull();
    expect(docTargets({})).toEqual([]);
    expect(docTasks(undefined)).toEqual([]);
  });
});
