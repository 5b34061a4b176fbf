import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.js';
import { encodeFrame } from './encode.js';
import { createFramer, type FrameEvent } from './framer.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const MN = '010000A8900016F000169DC0';
const SEG_A = `QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=${MN};Flag=5;CP=&&RtdInterval=30&&`;
const FRAME_A = `##0101${SEG_A}1C80\r\n`;
const FRAME_B = `##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=${MN};Flag=4;CP=&&&&3240\r\n`;

function frames(events: FrameEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'frame' ? [dec(e.frame)] : []));
}
function firstFrame(events: FrameEvent[]): Uint8Array {
  const e = events.find((x) => x.type === 'frame');
  return e?.type === 'frame' ? e.frame : new Uint8Array();
}
function skips(events: FrameEvent[]): [string, number][] {
  return events.flatMap((e) => (e.type === 'skipped' ? [[e.code, e.byteCount] as [string, number]] : []));
}
function warnings(events: FrameEvent[]): string[][] {
  return events.flatMap((e) => (e.type === 'frame' ? [e.warnings.map((w) => w.code)] : []));
}

describe('createFramer', () => {
  it('emits one frame without its terminator', () => {
    const ev = createFramer().push(enc(FRAME_A));
    expect(frames(ev)).toEqual([FRAME_A.trimEnd()]);
    expect(ev[0]).toMatchObject({ type: 'frame', terminator: 'crlf', warnings: [] });
  });

  it('cuts many frames out of one chunk', () => {
    const many = Array.from({ length: 50 }, (_, i) => (i % 2 ? FRAME_A : FRAME_B)).join('');
    const ev = createFramer().push(enc(many));
    expect(frames(ev)).toHaveLength(50);
    expect(skips(ev)).toEqual([]);
  });

  it('assembles a frame pushed byte by byte', () => {
    const framer = createFramer();
    const all: FrameEvent[] = [];
    for (const b of enc(FRAME_A + FRAME_B)) all.push(...framer.push(Uint8Array.of(b)));
    expect(frames(all)).toEqual([FRAME_A.trimEnd(), FRAME_B.trimEnd()]);
    expect(skips(all)).toEqual([]);
    expect(framer.bufferedBytes).toBe(0);
  });

  it('assembles frames split at every possible point', () => {
    const bytes = enc(FRAME_A + FRAME_B);
    for (let cut = 1; cut < bytes.length; cut++) {
      const framer = createFramer();
      const ev = [...framer.push(bytes.subarray(0, cut)), ...framer.push(bytes.subarray(cut))];
      expect(frames(ev)).toEqual([FRAME_A.trimEnd(), FRAME_B.trimEnd()]);
      expect(skips(ev)).toEqual([]);
    }
  });

  it('skips garbage between frames and reports how many bytes it dropped', () => {
    const ev = createFramer().push(enc(`hello${FRAME_A}\x00\xff#x${FRAME_B}tail`));
    expect(frames(ev)).toEqual([FRAME_A.trimEnd(), FRAME_B.trimEnd()]);
    expect(skips(ev)).toEqual([
      ['HJ212_GARBAGE', 5],
      ['HJ212_GARBAGE', enc('\x00\xff#x').length],
      ['HJ212_GARBAGE', 4],
    ]);
  });

  it('keeps a trailing "#" that may start the next frame', () => {
    const framer = createFramer();
    const first = framer.push(enc(`xx#`));
    expect(skips(first)).toEqual([['HJ212_GARBAGE', 2]]);
    expect(frames(framer.push(enc(FRAME_A.slice(1))))).toEqual([FRAME_A.trimEnd()]);
  });

  it('resynchronises after "###" and a "##" without digits', () => {
    const ev = createFramer().push(enc(`##-#${`#${FRAME_A}`}`));
    expect(frames(ev)).toEqual([FRAME_A.trimEnd()]);
  });

  it('accepts an LF-only terminator with a warning', () => {
    const ev = createFramer().push(enc(`${FRAME_A.trimEnd()}\n${FRAME_B}`));
    expect(frames(ev)).toEqual([FRAME_A.trimEnd(), FRAME_B.trimEnd()]);
    expect(warnings(ev)).toEqual([['HJ212_LF_ONLY'], []]);
  });

  it('accepts a missing terminator with a warning when the next frame follows', () => {
    const ev = createFramer().push(enc(FRAME_A.trimEnd() + FRAME_B));
    expect(frames(ev)).toEqual([FRAME_A.trimEnd(), FRAME_B.trimEnd()]);
    expect(warnings(ev)).toEqual([['HJ212_NO_TERMINATOR'], []]);
  });

  it('emits a frame as soon as its CRC arrives and swallows a CR LF that comes later', () => {
    const framer = createFramer();
    const first = framer.push(enc(FRAME_A.trimEnd()));
    expect(first[0]).toMatchObject({ type: 'frame', terminator: 'pending' });
    const rest = framer.push(enc(`\r\n${FRAME_B}`));
    expect(frames(rest)).toEqual([FRAME_B.trimEnd()]);
    expect(skips(rest)).toEqual([]);
  });

  it('accepts CR CR LF as a terminator', () => {
    const ev = createFramer().push(enc(`${FRAME_A.trimEnd()}\r\r\n${FRAME_B}`));
    expect(frames(ev)).toHaveLength(2);
    expect(skips(ev)).toEqual([]);
  });

  it('cuts a frame with a too-small declared length at its delimiter; the CRC then proves it', () => {
    const ev = createFramer().push(enc(`##0090${SEG_A}1C80\r\n${FRAME_B}`));
    expect(frames(ev)).toEqual([`##0090${SEG_A}1C80`, FRAME_B.trimEnd()]);
    expect(warnings(ev)[0]).toEqual(['HJ212_LENGTH_MISMATCH']);
    const r = decodeFrame(firstFrame(ev));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['HJ212_LENGTH_MISMATCH']);
  });

  it('cuts a frame with a too-large declared length at its delimiter without waiting for more bytes', () => {
    const framer = createFramer();
    const ev = framer.push(enc(`##0120${SEG_A}1C80\r\n`));
    expect(frames(ev)).toEqual([`##0120${SEG_A}1C80`]);
    expect(framer.bufferedBytes).toBe(0);
  });

  it('cuts a frame with a wrong length and no terminator at the next "##"', () => {
    const ev = createFramer().push(enc(`##0120${SEG_A}1C80${FRAME_B}`));
    expect(frames(ev)).toEqual([`##0120${SEG_A}1C80`, FRAME_B.trimEnd()]);
    expect(warnings(ev)[0]).toEqual(['HJ212_LENGTH_MISMATCH', 'HJ212_NO_TERMINATOR']);
  });

  it("does not let a damaged length that points exactly at the next frame's CRC swallow that frame", () => {
    // Found by the mutation property: the tail of a damaged frame, then a whole frame, with the damaged length
    // field counting up to that frame's CRC (a `&&` and 4 hex digits are found right where the length points).
    const tail = 'e-210,a21011-Flag=N&&1400\r\n';
    const declared = enc(tail).length + enc(FRAME_B).length - 6;
    const ev = createFramer().push(enc(`##${declared}${tail}${FRAME_B}`));
    expect(frames(ev)).toEqual([`##${declared}${tail.trimEnd()}`, FRAME_B.trimEnd()]);
    expect(decodeFrame(enc(FRAME_B.trimEnd())).ok).toBe(true);
  });

  it('leaves a wrong length with a wrong CRC for the decoder to reject', () => {
    const ev = createFramer().push(enc(`##0120${SEG_A}1C81\r\n`));
    const r = decodeFrame(firstFrame(ev));
    expect(r.ok ? 'ok' : r.error.code).toBe('HJ212_BAD_CRC');
  });

  it('reads a 2-digit length field with a warning', () => {
    const seg = 'QN=;ST=23;CN=1012;PW=123456;MN=0507A010003242;CP=&&SystemTime=20250221141050696&&';
    const ev = createFramer().push(enc(`##81${seg}1DC0`));
    expect(frames(ev)).toEqual([`##81${seg}1DC0`]);
    expect(warnings(ev)[0]).toEqual(['HJ212_SHORT_LENGTH_FIELD']);
  });

  it('accepts a 9999-byte segment and rejects a declared length above its limit', () => {
    const seg = `ST=32;CN=2011;PW=1;MN=M;CP=&&x=${'1'.repeat(9999 - 33)}&&`;
    expect(enc(seg).length).toBe(9999);
    const framer = createFramer();
    expect(frames(framer.push(enc(encodeFrame(seg))))).toHaveLength(1);

    const small = createFramer({ maxSegmentBytes: 2048, maxBufferBytes: 4096 });
    const ev = small.push(enc(encodeFrame(seg) + FRAME_B));
    expect(skips(ev)[0]?.[0]).toBe('HJ212_TOO_LARGE');
    expect(frames(ev)).toEqual([FRAME_B.trimEnd()]);
    expect(small.bufferedBytes).toBe(0);
  });

  it('never holds more than maxBufferBytes, even fed a huge chunk without "##" or a frame without end', () => {
    const framer = createFramer({ maxSegmentBytes: 1024, maxBufferBytes: 1040 });
    framer.push(new Uint8Array(1_000_000).fill(0x41));
    expect(framer.bufferedBytes).toBe(0);
    const ev = framer.push(enc(`##0999QN=${'x'.repeat(5000)}`));
    expect(framer.bufferedBytes).toBeLessThanOrEqual(1040);
    expect(skips(ev).map((s) => s[0])).toContain('HJ212_BAD_LENGTH');
    expect(frames(framer.push(enc(FRAME_A)))).toEqual([FRAME_A.trimEnd()]);
  });

  it('holds an incomplete frame across pushes and reports it as truncated at the end', () => {
    const framer = createFramer();
    expect(framer.push(enc(FRAME_A.slice(0, 50)))).toEqual([]);
    expect(framer.bufferedBytes).toBe(50);
    const ev = framer.end();
    expect(skips(ev)).toEqual([['HJ212_TRUNCATED', 50]]);
    expect(framer.bufferedBytes).toBe(0);
  });

  it('emits an unterminated last frame with a wrong length at the end of the stream', () => {
    const framer = createFramer();
    expect(frames(framer.push(enc(`##0120${SEG_A}1C80`)))).toEqual([]);
    expect(frames(framer.end())).toEqual([`##0120${SEG_A}1C80`]);
  });

  it('rejects options that cannot hold one frame', () => {
    expect(() => createFramer({ maxSegmentBytes: 1024, maxBufferBytes: 1000 })).toThrow(RangeError);
    expect(() => createFramer({ maxSegmentBytes: 10_000 })).toThrow(RangeError);
  });
});
