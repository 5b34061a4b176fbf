import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpMap, parseRecords } from './cp-parser.js';

/** A plain, unoptimised reading of the CP rules, to check the hand-tuned parser against. */
function reference(body: string) {
  const items: [string, string][] = [];
  let i = 0;
  while (i < body.length) {
    let j = i;
    while (j < body.length && !';,='.includes(body[j]!)) j++;
    const key = body.slice(i, j).trim();
    if (j >= body.length || body[j] !== '=') {
      i = j + 1;
      continue;
    }
    let vs = j + 1;
    let ve: number;
    if (body.startsWith('//', vs)) {
      const close = body.indexOf('//', vs + 2);
      ve = close < 0 ? body.length : close + 2;
      i = ve;
      while (i < body.length && !';,'.includes(body[i]!)) i++;
      i++;
    } else {
      ve = vs;
      while (ve < body.length && !';,'.includes(body[ve]!)) ve++;
      i = ve + 1;
    }
    while (vs < ve && body.charCodeAt(vs) <= 32) vs++;
    while (ve > vs && body.charCodeAt(ve - 1) <= 32) ve--;
    if (key.length > 0) items.push([key, body.slice(vs, ve)]);
  }
  const numeric: Record<string, string> = {
    Rtd: 'rtd',
    Avg: 'avg',
    Min: 'min',
    Max: 'max',
    Cou: 'cou',
    ZsRtd: 'zsRtd',
    ZsAvg: 'zsAvg',
    ZsMin: 'zsMin',
    ZsMax: 'zsMax',
  };
  const text: Record<string, string> = { Flag: 'flag', EFlag: 'eFlag', SampleTime: 'sampleTime' };
  const records: {
    dataTime: string | null;
    factors: Record<string, Record<string, unknown>>;
    fields: Record<string, string>;
  }[] = [];
  let rec: (typeof records)[number] | undefined;
  const newRecord = (dataTime: string | null) => {
    const r = { dataTime, factors: {}, fields: {} };
    records.push(r);
    return r;
  };
  for (const [key, value] of items) {
    if (key === 'DataTime') {
      if (rec === undefined) rec = newRecord(value);
      else if (rec.dataTime === null) rec.dataTime = value;
      else if (rec.dataTime !== value) rec = records.find((r) => r.dataTime === value) ?? newRecord(value);
      continue;
    }
    rec ??= newRecord(null);
    const dash = key.indexOf('-', 1);
    if (dash < 0 || dash === key.length - 1) {
      rec.fields[key] = value;
      continue;
    }
    const code = key.slice(0, dash);
    const suffix = key.slice(dash + 1);
    rec.factors[code] ??= { extra: {} };
    const f = rec.factors[code] as Record<string, unknown> & { extra: Record<string, string> };
    const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (numeric[suffix] && Number.isFinite(n)) f[numeric[suffix]] = n;
    else if (text[suffix]) f[text[suffix]] = value;
    else f.extra[suffix] = value;
  }
  return records;
}

const token = fc.constantFrom(
  'DataTime=20240101000000',
  'DataTime=20240101001000',
  'a21026',
  'w01018',
  'a',
  '-Rtd',
  '-Avg',
  '-Min',
  '-Max',
  '-Cou',
  '-ZsRtd',
  '-ZsAvg',
  '-ZsMin',
  '-ZsMax',
  '-Flag',
  '-EFlag',
  '-SampleTime',
  '-Info',
  '-ValidNum',
  '=',
  ';',
  ',',
  ' ',
  '-',
  '//x;y=z//',
  '//',
  '1',
  '12.5',
  '-0.25',
  '.5',
  '1e3',
  '00012.30',
  'N',
  'abc',
  '123456789012345678',
  'PolId=w01018',
);

describe('CP parser properties', () => {
  it('structures records exactly like a plain reference implementation', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const body = parts.join('');
        const got = parseRecords(body, []).map((r) => ({
          dataTime: r.dataTime,
          factors: JSON.parse(JSON.stringify(r.factors)),
          fields: { ...r.fields },
        }));
        expect(got).toEqual(JSON.parse(JSON.stringify(reference(body))));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads numbers exactly as Number() does', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 8 }),
        (x, digits) => {
          for (const text of [String(x), x.toFixed(digits), Math.abs(x).toPrecision(digits + 1)]) {
            if (!Number.isFinite(Number(text))) continue;
            const r = parseRecords(`a-Rtd=${text}`, [])[0]!.factors.a!;
            expect(Object.is(r.rtd, Number(text))).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('builds the raw map with repeated keys as arrays', () => {
    expect(cpMap('a=1;b=2,a=3;;x;a=//p;q//')).toEqual({ a: ['1', '3', '//p;q//'], b: '2' });
  });
});
