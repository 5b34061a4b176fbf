import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataPacket } from './data-packet.js';
import { decodeFrame } from './decode.js';
import { encodeFrame } from './encode.js';
import { createFramer, type FrameEvent } from './framer.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Valid frames from generated uploads. */
const validFrame = fc
  .record({
    cn: fc.constantFrom('2011', '2051', '2061', '2031'),
    mn: fc.stringMatching(/^[0-9A-F]{14,24}$/),
    minute: fc.integer({ min: 0, max: 59 }),
    values: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
      minLength: 1,
      maxLength: 12,
    }),
    crlf: fc.constantFrom('\r\n', '\n', ''),
  })
  .map(({ cn, mn, minute, values, crlf }) => {
    const factors = Object.fromEntries(
      values.map((v, i) => [`a${String(21000 + i)}`, { avg: v, flag: 'N' }]),
    );
    const seg = buildDataPacket({
      st: '31',
      cn,
      mn,
      pw: '123456',
      qn: '20240101000000000',
      dataTime: `2024010100${String(minute).padStart(2, '0')}00`,
      factors,
    });
    return encodeFrame(seg).replace(/\r\n$/, crlf);
  });

/** Cuts bytes into chunks at the given fractions. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 });

function feed(framerBound: number, chunks: Uint8Array[]): FrameEvent[] {
  const framer = createFramer({ maxSegmentBytes: 1024, maxBufferBytes: framerBound });
  const events: FrameEvent[] = [];
  for (const c of chunks) {
    events.push(...framer.push(c));
    expect(framer.bufferedBytes).toBeLessThanOrEqual(framerBound);
  }
  events.push(...framer.end());
  expect(framer.bufferedBytes).toBe(0);
  return events;
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate'; at: number; n: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.constant(enc('##')),
      fc.constant(enc('\r\n')),
    ),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = Array.from(bytes);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip') b[at] = (b[at] ?? 0) ^ (1 << m.bit);
    else if (m.kind === 'delete') b.splice(at, m.n);
    else if (m.kind === 'insert') b.splice(at, 0, ...m.bytes);
    else b = [...b.slice(0, at + m.n), ...b.slice(at)];
  }
  return Uint8Array.from(b);
}

describe('framer properties', () => {
  it('recovers every valid frame, intact and in order, however the stream is chunked and whatever garbage (without "#") lies between', () => {
    const garbage = fc.uint8Array({ maxLength: 30 }).map((g) => g.map((x) => (x === 0x23 ? 0x24 : x)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbage, validFrame), { minLength: 1, maxLength: 6 }),
        cuts,
        (parts, at) => {
          const text = parts.map(([, f]) => f);
          const bytes = Uint8Array.from(parts.flatMap(([g, f]) => [...g, ...enc(f)]));
          const events = feed(4096, chunked(bytes, at));
          const got = events.flatMap((e) => (e.type === 'frame' ? [dec(e.frame)] : []));
          expect(got).toEqual(text.map((f) => f.replace(/\r?\n$/, '')));
          for (const e of events) if (e.type === 'frame') expect(decodeFrame(e.frame).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws, never holds more than its bound, and accounts for every byte of random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), cuts, (bytes, at) => {
        const events = feed(1040, chunked(bytes, at));
        let seen = 0;
        for (const e of events) seen += e.type === 'frame' ? e.frame.length : e.byteCount;
        expect(seen).toBeLessThanOrEqual(bytes.length);
        for (const e of events) if (e.type === 'frame') decodeFrame(e.frame);
      }),
      { numRuns: 300 },
    );
  });

  it('survives mutated valid frames: no throw, no hang, buffer within bound, and a valid frame after them still decodes', () => {
    fc.assert(
      fc.property(
        fc.array(validFrame, { minLength: 1, maxLength: 4 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        validFrame,
        cuts,
        (frames, mutations, last, at) => {
          const damaged = mutate(enc(frames.join('')), mutations);
          // A CR LF before the final frame ends whatever the damage left open.
          const bytes = Uint8Array.from([...damaged, 0x0d, 0x0a, ...enc(last)]);
          const events = feed(1040, chunked(bytes, at));
          const decoded = events.flatMap((e) => (e.type === 'frame' ? [decodeFrame(e.frame)] : []));
          const lastDecoded = decoded.at(-1);
          expect(lastDecoded?.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
