/**
 * The column specification shared by a template, its import and its export: one spec describes a sheet once,
 * so the three can never drift apart.
 */

/** A choice of an enumeration column: the stored code and the label people see in the sheet. */
export interface EnumOption {
  code: string;
  label: string;
}

interface ColumnBase<K extends string> {
  /** The field the column fills. */
  key: K;
  /** Chinese header, as it appears in row 1 (a trailing `*` marks it required in the template). */
  header: string;
  /** Blank cells are an error when true; otherwise they read as null. */
  required?: boolean;
  /** Column width in characters. */
  width?: number;
  /** A line for the instructions sheet (format, unit, meaning). */
  note?: string;
  /** Value in the example row of the template. */
  example?: string | number | boolean;
}

/** Free text, trimmed; `maxLength` enforced. */
export interface TextColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'text';
  maxLength?: number;
  /** A regular expression the text must match, with a message that says what was expected. */
  pattern?: { regex: RegExp; expected: string };
}
/** A whole number; `min`/`max` inclusive. */
export interface IntegerColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'integer';
  min?: number;
  max?: number;
}
/** An exact decimal, returned as a string (e.g. `'1234.5'`) so no float rounding creeps in. */
export interface DecimalColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'decimal';
  min?: number;
}
/** A calendar date, returned as `YYYY-MM-DD`; Excel date cells and typed `2025-03-01` / `2025/3/1` are read. */
export interface DateColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'date';
}
/** One of `options`; the cell may hold the label or the code, the parsed value is the code. */
export interface EnumColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'enum';
  options: readonly EnumOption[];
}
/** 是/否 (also true/false, Y/N, 1/0). */
export interface BooleanColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'boolean';
}
/** Several texts in one cell separated by `、`, `,`, `，`, `;` or `；`; returned as an array (blank → `[]`). */
export interface ListColumn<K extends string = string> extends ColumnBase<K> {
  kind: 'list';
}

export type ColumnSpec<K extends string = string> =
  | TextColumn<K>
  | IntegerColumn<K>
  | DecimalColumn<K>
  | DateColumn<K>
  | EnumColumn<K>
  | BooleanColumn<K>
  | ListColumn<K>;

/** A sheet: its name, the title and extra lines of the instructions sheet, and the columns in order. */
export interface SheetSpec<C extends readonly ColumnSpec[] = readonly ColumnSpec[]> {
  /** Name of the data sheet, e.g. `台账`. */
  sheetName: string;
  /** First line of the instructions sheet. */
  title: string;
  /** Extra lines for the instructions sheet, after the generic ones. */
  instructions?: readonly string[];
  columns: C;
  /** Rows an upload may hold at most (default 10 000). */
  maxRows?: number;
}

type BaseValue<C> = C extends { kind: 'integer' }
  ? number
  : C extends { kind: 'boolean' }
    ? boolean
    : C extends { kind: 'list' }
      ? string[]
      : string;

type CellValueOf<C> = C extends { kind: 'list' }
  ? string[]
  : C extends { required: true }
    ? BaseValue<C>
    : BaseValue<C> | null;

/**
 * The typed row a spec parses into: `{ enterpriseCredit: string; generatedT: string; note: string | null; … }`.
 * Declare the spec `as const` (or with `satisfies SheetSpec`) so `key`, `kind` and `required` are literal.
 */
export type RowOf<S extends SheetSpec> = {
  [C in S['columns'][number] as C['key']]: CellValueOf<C>;
};

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Helper so a spec keeps its literal types without repeating `as const` on every column. */
export function defineSheet<const C extends readonly ColumnSpec[]>(spec: SheetSpec<C>): SheetSpec<C> {
  return spec;
}
