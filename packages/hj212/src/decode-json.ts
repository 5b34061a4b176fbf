import type { DecodeResult } from './decode.js';
import type { Hj212ErrorCode, Hj212Warning } from './errors.js';
import type { Hj212Version } from './types.js';

/** The JSON object `ecep hj212 decode` prints for one frame (one line of output). */
export type DecodeJson =
  | {
      ok: true;
      version: Hj212Version;
      qn: string | null;
      st: string | null;
      cn: string;
      pw: string | null;
      mn: string | null;
      flag: number | null;
      pnum: number | null;
      pno: number | null;
      cp: Record<string, string | string[]>;
      crc: string | null;
      warnings: Hj212Warning[];
    }
  | { ok: false; error: { code: Hj212ErrorCode; message: string } };

/**
 * Maps a decode result to the CLI's JSON shape (keys in this order; `JSON.stringify` it).
 *
 * @example
 * JSON.stringify(toDecodeJson(decodeFrame('##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240')));
 * // {"ok":true,"version":"2017","qn":"20160801085857223","st":"91","cn":"9014","pw":"123456",
 * //  "mn":"010000A8900016F000169DC0","flag":4,"pnum":null,"pno":null,"cp":{},"crc":"3240","warnings":[]}
 */
export function toDecodeJson(result: DecodeResult): DecodeJson {
  if (!result.ok) return { ok: false, error: { code: result.error.code, message: result.error.message } };
  const p = result.packet;
  const cp: Record<string, string | string[]> = {};
  for (const key of Object.keys(p.cp)) {
    const v = p.cp[key]!;
    // Own data property even for a key like "__proto__".
    Object.defineProperty(cp, key, {
      value: typeof v === 'string' ? v : [...v],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    ok: true,
    version: p.version,
    qn: p.qn,
    st: p.st,
    cn: p.cn,
    pw: p.pw,
    mn: p.mn,
    flag: p.flag,
    pnum: p.pnum,
    pno: p.pno,
    cp,
    crc: p.crc,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
