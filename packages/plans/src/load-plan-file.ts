import { readFile } from 'node:fs/promises';
import { Value } from 'typebox/value';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { checkPlan } from './plan-checks.js';
import { Plan } from './plan-schema.js';

/** One problem in a plan file, located by 1-based line and column. */
export interface PlanFileError {
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. `targets[3].target.value`; empty for the document as a whole. */
  path: string;
  /** Chinese first, then English: which field, what was expected. */
  message: string;
}

export type PlanLoadResult = { ok: true; plan: Plan } | { ok: false; errors: PlanFileError[] };

type Segment = string | number;

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

const TYPE_ZH: Record<string, string> = {
  number: '数值',
  integer: '整数',
  string: '文本',
  boolean: '布尔值',
  array: '列表',
  object: '对象（键值映射）',
  null: '空值',
};

function pathSegments(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `['targets', 3, 'target', 'value']` → `targets[3].target.value`. */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

function schemaAt(pointer: string): Record<string, unknown> | undefined {
  let s: unknown = Plan;
  for (const seg of pathSegments(pointer.replace(/^#/, ''))) {
    if (s === null || typeof s !== 'object') return undefined;
    s = (s as Record<string | number, unknown>)[seg];
  }
  return s !== null && typeof s === 'object' ? (s as Record<string, unknown>) : undefined;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const shown = (v: unknown): string => {
  const text = JSON.stringify(v);
  if (text === undefined) return String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

function describe(schema: Record<string, unknown> | undefined): string {
  const d = schema?.description;
  return typeof d === 'string' ? ` — ${d}` : '';
}

/** Turns one TypeBox error into a located, bilingual message (or several, one per missing property). */
function explain(e: SchemaError, data: unknown): Array<{ segments: Segment[]; message: string }> {
  const segments = pathSegments(e.instancePath);
  const schema = schemaAt(e.schemaPath);
  const got = valueAt(data, segments);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return ((p.requiredProperties as string[]) ?? []).map((name) => ({
        segments: [...segments, name],
        message: `缺少必填字段“${name}” / missing required field "${name}"${describe(schemaAt(`${e.schemaPath}/properties/${name}`))}`,
      }));
    case 'additionalProperties':
      return ((p.additionalProperties as string[]) ?? []).map((name) => ({
        segments: [...segments, name],
        message: `不允许的字段“${name}”（格式中没有此字段，检查拼写）/ field "${name}" is not part of the plan format (check the spelling)`,
      }));
    case 'type': {
      const want = String(p.type);
      return [
        {
          segments,
          message: `应为${TYPE_ZH[want] ?? want}，实际为 ${shown(got)} / expected ${want === 'integer' ? 'an integer' : `a ${want}`}, got ${jsonType(got)} ${shown(got)}${describe(schema)}`,
        },
      ];
    }
    case 'pattern':
      return [
        {
          segments,
          message: `格式不符：${shown(got)} 应匹配 ${String(p.pattern)} / ${shown(got)} does not match ${String(p.pattern)}${describe(schema)}`,
        },
      ];
    case 'format':
      return [
        {
          segments,
          message: `${shown(got)} 不是有效的 ${String(p.format)}（YYYY-MM-DD）/ ${shown(got)} is not a valid ${String(p.format)} (YYYY-MM-DD)`,
        },
      ];
    case 'anyOf': {
      const branches = (schema?.anyOf as Array<Record<string, unknown>> | undefined) ?? [];
      const consts = branches.map((b) => b.const).filter((c) => c !== undefined);
      if (consts.length === branches.length && consts.length > 0) {
        const list = consts.map((c) => String(c)).join(' | ');
        return [
          {
            segments,
            message: `取值 ${shown(got)} 无效，应为 ${list} 之一 / ${shown(got)} is not one of ${list}`,
          },
        ];
      }
      return [
        {
          segments,
          message: `取值 ${shown(got)} 不符合任何允许的形式 / ${shown(got)} matches none of the allowed forms${describe(schema)}`,
        },
      ];
    }
    default:
      return [
        {
          segments,
          message: `字段不符合要求（${e.keyword}: ${JSON.stringify(p)}）/ ${e.message}${describe(schema)}`,
        },
      ];
  }
}

/**
 * Keeps the useful errors of a union: when the value's JSON type picks exactly one non-constant branch (a
 * list given for `scope`), that branch's errors are reported; otherwise only the union's own error.
 */
function pruneUnionErrors(errors: SchemaError[], data: unknown): SchemaError[] {
  const drop = new Set<SchemaError>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf') continue;
    const prefix = `${e.schemaPath}/anyOf/`;
    const branches = (schemaAt(e.schemaPath)?.anyOf as Array<Record<string, unknown>> | undefined) ?? [];
    const got = jsonType(valueAt(data, pathSegments(e.instancePath)));
    const matching = branches
      .map((b, i) => ({ b, i }))
      .filter(
        ({ b }) => b.const === undefined && (b.type === got || (b.type === 'number' && got === 'integer')),
      );
    const only = matching.length === 1 ? matching[0] : undefined;
    for (const inner of errors) {
      if (inner === e || !inner.schemaPath.startsWith(prefix)) continue;
      if (only && inner.schemaPath.startsWith(`${prefix}${only.i}`) && inner.keyword !== 'type') continue;
      drop.add(inner);
    }
    if (only && errors.some((x) => x.schemaPath.startsWith(`${prefix}${only.i}`) && !drop.has(x)))
      drop.add(e);
  }
  return errors.filter((e) => !drop.has(e) && e.keyword !== 'boolean');
}

/** Offset of the YAML node a path points at (the key of a mapping entry when there is one, so a missing or
 * extra field is reported on the line of its parent or its key). */
function offsetOf(root: unknown, segments: readonly Segment[]): number {
  let node: unknown = root;
  let best = 0;
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      const keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (keyStart !== undefined) best = keyStart;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      const start = (item as { range?: [number, number, number] }).range?.[0];
      if (start !== undefined) best = start;
      node = item;
    } else break;
  }
  if (best === 0 && (root as { range?: [number] } | null)?.range)
    return (root as { range: [number] }).range[0];
  return best;
}

/**
 * Parses and validates the text of one plan file: YAML syntax, the {@link Plan} schema, then the semantic
 * rules of {@link checkPlan}. Never throws: bad input comes back as `{ ok: false, errors }`, every error with
 * the file, 1-based line and column, the field path and a Chinese + English message.
 *
 * @example
 * const r = parsePlanText(text, 'plans/gansu-2018.yaml');
 * if (!r.ok) for (const e of r.errors) console.error(`${e.file}:${e.line}:${e.column} ${e.path} ${e.message}`);
 */
export function parsePlanText(text: string, file: string): PlanLoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        path: '',
        message: `YAML 语法错误（${e.code}）/ YAML syntax error: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const data: unknown = doc.toJS();
  const locate = (segments: readonly Segment[], message: string): PlanFileError => ({
    file,
    ...at(offsetOf(doc.contents, segments)),
    path: formatPath(segments),
    message,
  });
  const schemaErrors = pruneUnionErrors([...Value.Errors(Plan, data)] as SchemaError[], data);
  if (schemaErrors.length > 0) {
    const errors = schemaErrors.flatMap((e) => explain(e, data).map((x) => locate(x.segments, x.message)));
    return { ok: false, errors: sortErrors(errors) };
  }
  const plan = data as Plan;
  const issues = checkPlan(plan);
  if (issues.length > 0) {
    return { ok: false, errors: sortErrors(issues.map((i) => locate(i.path, i.message))) };
  }
  return { ok: true, plan };
}

function sortErrors(errors: PlanFileError[]): PlanFileError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Reads and validates one plan file (see {@link parsePlanText}). A file that cannot be read is reported as an
 * error at line 1, not thrown.
 */
export async function loadPlanFile(file: string): Promise<PlanLoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      errors: [
        { file, line: 1, column: 1, path: '', message: `无法读取文件 / cannot read the file: ${reason}` },
      ],
    };
  }
  return parsePlanText(text, file);
}
