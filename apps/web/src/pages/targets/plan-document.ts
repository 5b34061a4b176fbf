/**
 * Reading a plan's YAML document (as JSON) defensively: plans/*.yaml is written by hand, so every field is
 * checked before it is shown.
 */
export interface DocTarget {
  code: string;
  name: string;
  type: string;
  unit: string;
  scope: string;
  direction: string | null;
  baseYear: number | null;
  baseValue: string | null;
  targetYear: number | null;
  targetValue: string | null;
  changePct: string | null;
  annualChangePct: string | null;
  priceBase: string | null;
  sourceText: string;
  inconsistencyNote: string | null;
}

export interface DocTask {
  id: string;
  title: string;
  leadUnits: string[];
  cooperatingUnits: string[];
  deadline: string | null;
  deadlineText: string | null;
  sourceText: string;
}

export interface DocSource {
  title: string | null;
  issuer: string | null;
  author: string | null;
  date: string | null;
  file: string | null;
  docNumber: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : typeof v === 'string' ? [v] : [];

export function docSource(doc: unknown): DocSource {
  const s = isRecord(doc) && isRecord(doc.source) ? doc.source : {};
  return {
    title: str(s.title),
    issuer: str(s.issuer),
    author: str(s.author),
    date: str(s.date),
    file: str(s.file),
    docNumber: str(s.docNumber ?? s.number),
  };
}

export function docPeriod(doc: unknown): { from: number | null; to: number | null } {
  const p = isRecord(doc) && isRecord(doc.period) ? doc.period : {};
  return { from: num(p.from), to: num(p.to) };
}

export function docNotes(doc: unknown): string[] {
  return isRecord(doc) ? strList(doc.notes) : [];
}

export function docTargets(doc: unknown): DocTarget[] {
  const list = isRecord(doc) && Array.isArray(doc.targets) ? doc.targets : [];
  return list.filter(isRecord).map((t) => {
    const base = isRecord(t.base) ? t.base : {};
    const target = isRecord(t.target) ? t.target : {};
    const inc = isRecord(t.inconsistency) ? t.inconsistency : null;
    return {
      code: str(t.code) ?? '',
      name: str(t.name) ?? str(t.code) ?? '',
      type: str(t.type) ?? '',
      unit: str(t.unit) ?? '',
      scope: str(t.scope) ?? '',
      direction: str(t.direction),
      baseYear: num(base.year),
      baseValue: str(base.value),
      targetYear: num(target.year),
      targetValue: str(target.value),
      changePct: str(target.changePct),
      annualChangePct: str(target.annualChangePct),
      priceBase: str(t.priceBase),
      sourceText: str(t.sourceText) ?? '',
      inconsistencyNote: inc ? str(inc.note) : null,
    };
  });
}

export function docTasks(doc: unknown): DocTask[] {
  const list = isRecord(doc) && Array.isArray(doc.tasks) ? doc.tasks : [];
  return list.filter(isRecord).map((t, i) => ({
    id: str(t.id) ?? String(i + 1),
    title: str(t.title) ?? str(t.name) ?? str(t.text) ?? '',
    leadUnits: strList(t.leadUnits ?? t.lead ?? t.leadUnit),
    cooperatingUnits: strList(t.cooperatingUnits ?? t.cooperating ?? t.cooperatingUnit),
    deadline: str(t.deadline),
    deadlineText: str(t.deadlineText),
    sourceText: str(t.sourceText) ?? '',
  }));
}
