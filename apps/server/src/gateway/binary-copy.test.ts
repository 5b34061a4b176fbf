import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import copyStreams from 'pg-copy-streams';
import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/test-db.js';
import { BinaryCopyWriter } from './binary-copy.js';

const T_1999 = Date.UTC(1999, 11, 31, 23, 59, 59, 250); // before PostgreSQL's epoch: negative on the wire
const T_2026 = Date.UTC(2026, 10, 24, 2, 1, 0, 0);

function sampleRows(w: BinaryCopyWriter): void {
  w.row(7);
  w.text('MN-甲');
  w.float8(-0.125);
  w.int8(9_007_199_254_740_991);
  w.timestamptz(T_1999);
  w.jsonb('{"Info":"温度\\t高"}');
  w.int4(-2_147_483_648);
  w.int2(2051);
  w.row(7);
  w.text('a21026');
  w.float8(null);
  w.int8(1);
  w.timestamptz(T_2026);
  w.jsonb(null);
  w.int4(2_147_483_647);
  w.int2(-1);
}

describe('BinaryCopyWriter', () => {
  it('writes the COPY header, rows of length-prefixed big-endian fields and the trailer', () => {
    const w = new BinaryCopyWriter();
    w.row(7);
    w.float8(1.5);
    w.null();
    w.text('N');
    w.timestamptz(Date.UTC(2000, 0, 1, 0, 0, 1));
    w.int4(7);
    w.int2(2051);
    w.utf8(new TextEncoder().encode('é#'));
    const bytes = Buffer.concat(w.finish());
    const expected = Buffer.concat([
      Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
      Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]), // flags, header extension length
      Buffer.from([0, 7]),
      Buffer.from([0, 0, 0, 8, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]), // 1.5
      Buffer.from([0xff, 0xff, 0xff, 0xff]), // null
      Buffer.from([0, 0, 0, 1, 0x4e]), // 'N'
      Buffer.from([0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0f, 0x42, 0x40]), // 1 000 000 µs after 2000-01-01
      Buffer.from([0, 0, 0, 4, 0, 0, 0, 7]), // integer 7
      Buffer.from([0, 0, 0, 2, 0x08, 0x03]), // smallint 2051
      Buffer.from([0, 0, 0, 3, 0xc3, 0xa9, 0x23]), // text from UTF-8 bytes, copied as they are
      Buffer.from([0xff, 0xff]),
    ]);
    expect(bytes.equals(expected)).toBe(true);
  });

  it('gives the same bytes however small its chunks are (fields are never split)', () => {
    const whole = new BinaryCopyWriter();
    sampleRows(whole);
    const small = new BinaryCopyWriter(16);
    sampleRows(small);
    const chunks = small.finish();
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).equals(Buffer.concat(whole.finish()))).toBe(true);
  });
});

for (const backend of backends().filter((b) => b.name === 'postgres')) {
  describe(`BinaryCopyWriter into ${backend.name}`, () => {
    it('round-trips text, floats, bigints, times before and after 2000, nulls and jsonb through COPY', async () => {
      const db = await backend.open();
      const client = await db.pool!.connect();
      try {
        await client.query(
          'create temp table t (mn text, v float8, id bigint, at timestamptz, extra jsonb, dev int, cn smallint)',
        );
        const w = new BinaryCopyWriter(16);
        sampleRows(w);
        await pipeline(
          Readable.from(w.finish()),
          client.query(copyStreams.from('copy t from stdin with (format binary)')),
        );
        const res = await client.query(
          'select mn, v, id::text as id, at, extra, dev, cn from t order by id desc',
        );
        expect(res.rows).toEqual([
          {
            mn: 'MN-甲',
            v: -0.125,
            id: '9007199254740991',
            at: new Date(T_1999),
            extra: { Info: '温度\t高' },
            dev: -2_147_483_648,
            cn: 2051,
          },
          { mn: 'a21026', v: null, id: '1', at: new Date(T_2026), extra: null, dev: 2_147_483_647, cn: -1 },
        ]);
      } finally {
        client.release();
        await db.close();
      }
    });
  });
}
