import type {
  SolidWasteEntry,
  SolidWasteEntryCorrection,
  SolidWasteEntryCreate,
  SolidWasteEntryList,
  SolidWasteEntryQuery,
  SolidWasteProgress,
  SolidWasteRate,
  SolidWasteRateList,
  SolidWasteRateQuery,
  SolidWasteUtilizer,
  SolidWasteUtilizerInput,
} from '@ecep/contract';
import { CalcError, Dec, type Decimal, type Explain, formatGbt8170, wasteUtilizationRate } from '@ecep/core';
import type { Kysely } from 'kysely';
import { type Principal, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  type ImportCommit,
  importTransaction,
  type ParsedRow,
  type RowIssue,
  type RowOf,
} from '../excel/index.js';
import { recordAuditBy } from '../lib/record-audit-by.js';
import { recordScopeOf, recordVisibleTo } from '../lib/record-scope.js';
import {
  type BalancedQuantities,
  type BalanceInput,
  type BalanceProblem,
  balanceEntry,
  ROUTE_KEYS,
} from './balance.js';
import {
  chainNeighbours,
  type EntryRow,
  entriesForRates,
  entryVersions,
  findEnterprise,
  findEnterpriseByCreditCode,
  findEntryId,
  findEntryRow,
  findUtilizerRow,
  insertCorrection,
  insertEntry,
  listEntryRows,
  listUtilizerRows,
  regionNames,
  type UtilizerRow,
  upsertUtilizer,
} from './ledger.repository.js';
import type { LEDGER_SHEET } from './ledger-excel.js';
import { findWasteType, NATIONAL_UTILIZATION_BASES, SHANXI_SOLID_WASTE_TARGETS } from './waste-types.js';

const num = (v: unknown) => String(v);

const canSee = (p: Principal, e: { id: string; region_code: string }) =>
  recordVisibleTo(p, e.id, e.region_code);

const periodTypeOf = (period: string): 'month' | 'year' => (period.length === 4 ? 'year' : 'month');

/** Stores the first version of an entry and audits it; `after` is what the audit keeps. Returns the entry id. */
async function createEntry(
  trx: Kysely<Database>,
  p: Principal,
  e: { enterpriseId: string; wasteType: string; period: string; note: string },
  q: BalancedQuantities,
  after: object,
): Promise<string> {
  const id = await insertEntry(trx, {
    enterpriseId: e.enterpriseId,
    wasteType: e.wasteType,
    periodType: periodTypeOf(e.period),
    period: e.period,
    quantities: q,
    note: e.note,
    recordedBy: p.username,
  });
  await recordAuditBy(trx, p, {
    action: 'create',
    entity: 'solid_waste_entry',
    entityId: id,
    before: null,
    after,
  });
  return id;
}

/** Stores the next version of entry `id` (now `current`) with the reason of the correction, and audits it. */
async function correctEntry(
  trx: Kysely<Database>,
  p: Principal,
  id: string,
  current: EntryRow,
  q: BalancedQuantities,
  c: { note: string; reason: string },
  after: object,
): Promise<void> {
  await insertCorrection(trx, id, current.version + 1, q, {
    note: c.note,
    reason: c.reason,
    recordedBy: p.username,
  });
  await recordAuditBy(trx, p, {
    action: 'correct',
    entity: 'solid_waste_entry',
    entityId: id,
    before: toEntry(current),
    after,
  });
}

function toEntry(r: EntryRow): SolidWasteEntry {
  const w = findWasteType(r.waste_type);
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    enterpriseCreditCode: r.credit_code,
    regionCode: r.region_code,
    wasteType: r.waste_type,
    wasteTypeName: w?.nameZh ?? r.waste_type,
    catalogCode: w?.catalogCode ?? '',
    periodType: r.period_type,
    period: r.period,
    version: r.version,
    openingStockT: num(r.opening_stock_t),
    generatedT: num(r.generated_t),
    utilizedT: num(r.utilized_t),
    utilizedFromStockT: num(r.utilized_from_stock_t),
    routes: {
      buildingMaterialsT: num(r.building_materials_t),
      powerT: num(r.power_t),
      backfillT: num(r.backfill_t),
      roadBaseT: num(r.road_base_t),
      landReclamationT: num(r.land_reclamation_t),
      otherUseT: num(r.other_use_t),
    },
    disposedT: num(r.disposed_t),
    storedT: num(r.stored_t),
    closingStockT: num(r.closing_stock_t),
    note: r.note,
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
    isDemo: r.is_demo,
  };
}

function toUtilizer(r: UtilizerRow, today: string): SolidWasteUtilizer {
  const caps = (r.capacities ?? {}) as Record<string, string>;
  const total = Object.values(caps).reduce((s, v) => s.plus(v), new Dec(0));
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionCode: r.region_code,
    capacities: Object.fromEntries(Object.entries(caps).map(([k, v]) => [k, String(v)])),
    totalCapacityTPerYr: total.toFixed(),
    products: r.products,
    certification: r.certification,
    certificateNo: r.certificate_no,
    certifiedUntil: r.certified_until,
    certificationValid: r.certification !== '' && (r.certified_until === null || r.certified_until >= today),
    isDemo: r.is_demo,
  };
}

function problemError(problems: BalanceProblem[]): AppError {
  const mismatch = problems.find((x) => x.code === 'LEDGER_BALANCE_MISMATCH');
  const first = mismatch ?? problems[0];
  const code = mismatch ? 'LEDGER_BALANCE_MISMATCH' : 'LEDGER_ENTRY_INVALID';
  return new AppError(
    code,
    problems
      .filter((x) => x.code === code)
      .map((x) => x.message)
      .join('；') ||
      (first?.message ?? ''),
    problems.map((x) => ({ field: x.field, message: x.message, numbers: x.numbers })),
  );
}

/** Sums of one group (enterprise, region, waste type) for the utilisation rate. */
interface Totals {
  generated: Decimal;
  utilized: Decimal;
  fromStock: Decimal;
  disposed: Decimal;
  stored: Decimal;
  closing: Decimal;
  enterprises: Set<string>;
}
const emptyTotals = (): Totals => ({
  generated: new Dec(0),
  utilized: new Dec(0),
  fromStock: new Dec(0),
  disposed: new Dec(0),
  stored: new Dec(0),
  closing: new Dec(0),
  enterprises: new Set(),
});

/**
 * The flows of a period per enterprise and waste type. A year uses the months of the year where an enterprise
 * reported monthly (flows summed, closing stock of its last month) and the year entry otherwise, so a year is
 * never counted twice.
 */
function periodFlows(rows: EntryRow[]): EntryRow[][] {
  const byChain = new Map<string, { months: EntryRow[]; year: EntryRow | null }>();
  for (const r of rows) {
    const k = `${r.enterprise_id}|${r.waste_type}`;
    const c = byChain.get(k) ?? { months: [], year: null };
    if (r.period_type === 'month') c.months.push(r);
    else c.year = r;
    byChain.set(k, c);
  }
  return [...byChain.values()].map((c) => (c.months.length ? c.months : c.year ? [c.year] : []));
}

function rateOf(t: Totals): { pct: string | null; explain: Explain | null } {
  try {
    const r = wasteUtilizationRate({
      generatedT: t.generated.toFixed(),
      utilizedT: t.utilized.toFixed(),
      utilizedFromStockT: t.fromStock.toFixed(),
    });
    return { pct: formatGbt8170(r.utilizationRatePct, 2), explain: r.explain };
  } catch (e) {
    if (e instanceof CalcError) return { pct: null, explain: null };
    throw e;
  }
}

export class LedgerService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(p: Principal, q: SolidWasteEntryQuery): Promise<SolidWasteEntryList> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { rows, total } = await listEntryRows(
      this.db,
      {
        ...recordScopeOf(p),
        filterEnterpriseId: q.enterpriseId,
        filterRegionPrefix: q.region ? regionPrefix(q.region) : undefined,
        wasteType: q.wasteType,
        periodType: q.periodType,
        from: q.from,
        to: q.to,
      },
      { limit: pageSize, offset: (page - 1) * pageSize },
    );
    return { items: rows.map(toEntry), total, page, pageSize };
  }

  async get(p: Principal, id: string): Promise<SolidWasteEntry> {
    return toEntry(await this.visibleEntry(p, id));
  }

  /** Every version of an entry, newest first. */
  async history(p: Principal, id: string): Promise<SolidWasteEntry[]> {
    const current = await this.visibleEntry(p, id);
    const versions = await entryVersions(this.db, id);
    return versions.map((v) => toEntry({ ...current, ...v, version: v.version }));
  }

  private async visibleEntry(p: Principal, id: string, db: Kysely<Database> = this.db): Promise<EntryRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findEntryRow(db, id) : undefined;
    if (!row || !canSee(p, { id: row.enterprise_id, region_code: row.region_code })) {
      throw new AppError('LEDGER_ENTRY_NOT_FOUND', `没有编号为 ${id} 的固废台账 / no ledger entry ${id}`);
    }
    return row;
  }

  private async writableEnterprise(db: Kysely<Database>, p: Principal, enterpriseId: string) {
    const ent = await findEnterprise(db, enterpriseId);
    if (!ent || !canSee(p, ent)) {
      throw new AppError(
        'ENTERPRISE_NOT_FOUND',
        `没有编号为 ${enterpriseId} 的企业 / no enterprise ${enterpriseId}`,
      );
    }
    return ent;
  }

  async create(p: Principal, input: SolidWasteEntryCreate): Promise<SolidWasteEntry> {
    const id = await this.db.transaction().execute(async (trx) => {
      await this.writableEnterprise(trx, p, input.enterpriseId);
      const existing = await findEntryId(trx, input);
      if (existing) {
        throw new AppError(
          'LEDGER_ENTRY_EXISTS',
          `该企业 ${input.period} 已有${findWasteType(input.wasteType)?.nameZh ?? input.wasteType}台账，请更正而非新建 / entry exists, correct it`,
          { id: existing.id, version: existing.current_version },
        );
      }
      const q = await this.balance(trx, input.enterpriseId, input.wasteType, input.period, input);
      return createEntry(trx, p, { ...input, note: input.note ?? '' }, q, { ...input, ...q });
    });
    return this.get(p, id);
  }

  /** A correction: a new version with a reason; the old versions are kept. */
  async correct(p: Principal, id: string, input: SolidWasteEntryCorrection): Promise<SolidWasteEntry> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.visibleEntry(p, id, trx);
      if (current.version !== input.baseVersion) {
        throw new AppError(
          'LEDGER_VERSION_CONFLICT',
          `台账已被修改（当前版本 ${current.version}，您基于版本 ${input.baseVersion}）/ changed since version ${input.baseVersion}`,
          { currentVersion: current.version },
        );
      }
      const q = await this.balance(trx, current.enterprise_id, current.waste_type, current.period, input);
      await correctEntry(
        trx,
        p,
        id,
        current,
        q,
        { note: input.note ?? current.note, reason: input.reason },
        {
          ...q,
          version: current.version + 1,
          reason: input.reason,
        },
      );
    });
    return this.get(p, id);
  }

  private async balance(
    db: Kysely<Database>,
    enterpriseId: string,
    wasteType: string,
    period: string,
    input: BalanceInput,
  ): Promise<BalancedQuantities> {
    const chain = await chainNeighbours(db, {
      enterpriseId,
      wasteType,
      periodType: periodTypeOf(period),
      period,
    });
    const result = balanceEntry(input, chain);
    if (!result.ok) throw problemError(result.problems);
    return result.value;
  }

  /**
   * Writes the rows of an uploaded ledger sheet in one transaction, chain by chain in period order, so months of
   * one file balance against each other. A row for an existing entry with other numbers is a correction and needs
   * 更正原因; one with the same numbers is left alone.
   */
  async importRows(
    p: Principal,
    rows: ParsedRow<RowOf<typeof LEDGER_SHEET>>[],
    commit: ImportCommit,
    issueAt: (row: number, key: string, reason: string) => RowIssue,
  ): Promise<{ written: number; issues: RowIssue[] }> {
    const sorted = [...rows].sort(
      (a, b) =>
        a.values.creditCode.localeCompare(b.values.creditCode) ||
        a.values.wasteType.localeCompare(b.values.wasteType) ||
        a.values.period.localeCompare(b.values.period),
    );
    return importTransaction(this.db, commit, async (trx) => {
      const issues: RowIssue[] = [];
      let written = 0;
      const seen = new Map<string, number>();
      for (const { row, values: v } of sorted) {
        const ent = await findEnterpriseByCreditCode(trx, v.creditCode.toUpperCase());
        if (!ent || !canSee(p, ent)) {
          issues.push(
            issueAt(
              row,
              'creditCode',
              `您的管辖范围内没有统一社会信用代码为 ${v.creditCode} 的企业 / no such enterprise in your scope`,
            ),
          );
          continue;
        }
        const key = `${ent.id}|${v.wasteType}|${v.period}`;
        const dup = seen.get(key);
        if (dup !== undefined) {
          issues.push(
            issueAt(row, 'period', `与第 ${dup} 行重复（同一企业、期别、固废种类）/ duplicates row ${dup}`),
          );
          continue;
        }
        seen.set(key, row);
        const input: BalanceInput = {
          openingStockT: v.openingStockT,
          generatedT: v.generatedT,
          utilizedT: v.utilizedT,
          utilizedFromStockT: v.utilizedFromStockT,
          routes: Object.fromEntries(ROUTE_KEYS.map((k) => [k, v[k]])),
          disposedT: v.disposedT,
          storedT: v.storedT,
          closingStockT: v.closingStockT,
        };
        const chain = await chainNeighbours(trx, {
          enterpriseId: ent.id,
          wasteType: v.wasteType,
          periodType: periodTypeOf(v.period),
          period: v.period,
        });
        const existing = await findEntryId(trx, {
          enterpriseId: ent.id,
          wasteType: v.wasteType,
          period: v.period,
        });
        const current = existing ? await findEntryRow(trx, existing.id) : undefined;
        // A correction keeps the opening stock it had unless the file says otherwise.
        if (current && input.openingStockT === null) input.openingStockT = num(current.opening_stock_t);
        const result = balanceEntry(input, chain);
        if (!result.ok) {
          for (const pr of result.problems) {
            const field = pr.field.startsWith('routes') ? 'utilizedT' : pr.field;
            issues.push(issueAt(row, field, pr.message));
          }
          continue;
        }
        const q = result.value;
        if (current) {
          const same =
            new Dec(num(current.opening_stock_t)).eq(q.openingStockT) &&
            new Dec(num(current.generated_t)).eq(q.generatedT) &&
            new Dec(num(current.utilized_t)).eq(q.utilizedT) &&
            new Dec(num(current.utilized_from_stock_t)).eq(q.utilizedFromStockT) &&
            new Dec(num(current.disposed_t)).eq(q.disposedT) &&
            new Dec(num(current.stored_t)).eq(q.storedT) &&
            new Dec(num(current.building_materials_t)).eq(q.routes.buildingMaterialsT) &&
            new Dec(num(current.power_t)).eq(q.routes.powerT) &&
            new Dec(num(current.backfill_t)).eq(q.routes.backfillT) &&
            new Dec(num(current.road_base_t)).eq(q.routes.roadBaseT) &&
            new Dec(num(current.land_reclamation_t)).eq(q.routes.landReclamationT) &&
            new Dec(num(current.other_use_t)).eq(q.routes.otherUseT);
          if (same) continue;
          if (!v.reason) {
            issues.push(
              issueAt(
                row,
                'reason',
                '已有该期台账且数值不同，更正须填写更正原因 / a correction needs a reason',
              ),
            );
            continue;
          }
          await correctEntry(
            trx,
            p,
            current.id,
            current,
            q,
            { note: v.note ?? current.note, reason: v.reason },
            { ...q, version: current.version + 1, reason: v.reason, via: 'excel' },
          );
        } else {
          const entry = { enterpriseId: ent.id, wasteType: v.wasteType, period: v.period };
          await createEntry(trx, p, { ...entry, note: v.note ?? '' }, q, { ...entry, ...q, via: 'excel' });
        }
        written++;
      }
      return { written, issues };
    });
  }

  /** Utilisation rates for a month or a year, by enterprise or region level, optionally split by waste type. */
  async rates(p: Principal, q: SolidWasteRateQuery): Promise<SolidWasteRateList> {
    const groupBy = q.groupBy ?? 'city';
    const rows = await entriesForRates(this.db, q.period, {
      ...recordScopeOf(p),
      filterRegionPrefix: q.region ? regionPrefix(q.region) : undefined,
      wasteType: q.wasteType,
    });
    const groups = new Map<string, { key: string; wasteType: string | null; name: string; t: Totals }>();
    for (const chain of periodFlows(rows)) {
      const last = chain[chain.length - 1];
      if (!last) continue;
      const code = last.region_code;
      const key =
        groupBy === 'enterprise'
          ? last.enterprise_id
          : groupBy === 'county'
            ? code
            : groupBy === 'city'
              ? `${code.slice(0, 4)}00`
              : `${code.slice(0, 2)}0000`;
      const wasteType = q.byWasteType ? last.waste_type : null;
      const gk = `${key}|${wasteType ?? ''}`;
      const g = groups.get(gk) ?? {
        key,
        wasteType,
        name: groupBy === 'enterprise' ? last.enterprise_name : '',
        t: emptyTotals(),
      };
      for (const r of chain) {
        g.t.generated = g.t.generated.plus(num(r.generated_t));
        g.t.utilized = g.t.utilized.plus(num(r.utilized_t));
        g.t.fromStock = g.t.fromStock.plus(num(r.utilized_from_stock_t));
        g.t.disposed = g.t.disposed.plus(num(r.disposed_t));
        g.t.stored = g.t.stored.plus(num(r.stored_t));
      }
      g.t.closing = g.t.closing.plus(num(last.closing_stock_t));
      g.t.enterprises.add(last.enterprise_id);
      groups.set(gk, g);
    }
    const names =
      groupBy === 'enterprise'
        ? new Map<string, string>()
        : await regionNames(this.db, [...new Set([...groups.values()].map((g) => g.key))]);
    const items: SolidWasteRate[] = [...groups.values()]
      .sort((a, b) => a.key.localeCompare(b.key) || (a.wasteType ?? '').localeCompare(b.wasteType ?? ''))
      .map((g) => {
        const rate = rateOf(g.t);
        return {
          key: g.key,
          name: g.name || names.get(g.key) || g.key,
          wasteType: g.wasteType,
          enterprises: g.t.enterprises.size,
          generatedT: g.t.generated.toFixed(),
          utilizedT: g.t.utilized.toFixed(),
          utilizedFromStockT: g.t.fromStock.toFixed(),
          disposedT: g.t.disposed.toFixed(),
          storedT: g.t.stored.toFixed(),
          closingStockT: g.t.closing.toFixed(),
          utilizationRatePct: rate.pct,
          explain: rate.explain,
        };
      });
    return { period: q.period, groupBy, items };
  }

  /** Progress of the caller's region in `year` against the Shanxi plans' solid-waste targets and bases. */
  async progress(p: Principal, year: number): Promise<SolidWasteProgress> {
    const rows = await entriesForRates(this.db, String(year), recordScopeOf(p));
    const chains = periodFlows(rows);
    const totalsFor = (types: readonly string[] | null, regionCode?: string): Totals => {
      const t = emptyTotals();
      for (const chain of chains) {
        const last = chain[chain.length - 1];
        if (!last || (types && !types.includes(last.waste_type))) continue;
        if (regionCode && !last.region_code.startsWith(regionPrefix(regionCode))) continue;
        for (const r of chain) {
          t.generated = t.generated.plus(num(r.generated_t));
          t.utilized = t.utilized.plus(num(r.utilized_t));
          t.fromStock = t.fromStock.plus(num(r.utilized_from_stock_t));
        }
        t.enterprises.add(last.enterprise_id);
      }
      return t;
    };
    const items = SHANXI_SOLID_WASTE_TARGETS.map((target) => {
      const t = totalsFor(target.wasteTypes);
      const hasData = t.enterprises.size > 0;
      let actual: string | null = null;
      let explain: Explain | null = null;
      if (target.kind === 'rate') {
        const r = rateOf(t);
        actual = hasData ? r.pct : null;
        explain = hasData ? r.explain : null;
      } else if (hasData) {
        actual = formatGbt8170(t.utilized.div(10_000), 2);
        explain = {
          formula: 'actualWanT = Σ utilizedT ÷ 10000',
          inputs: { utilizedT: t.utilized.toFixed(), enterprises: t.enterprises.size },
          notes: ['综合利用量含利用往年贮存量 / utilised amounts include what was taken from earlier stock'],
        };
      }
      const completion = actual === null ? null : new Dec(actual).div(target.targetValue).times(100);
      return {
        code: target.code,
        name: target.name,
        unit: target.unit,
        targetValue: target.targetValue,
        targetYear: target.targetYear,
        actualValue: actual,
        completionPct: completion === null ? null : formatGbt8170(completion, 2),
        met: actual === null ? null : new Dec(actual).gte(target.targetValue),
        source: target.source,
        explain:
          explain && completion !== null
            ? {
                ...explain,
                formula: `${explain.formula}; completionPct = actual ÷ target × 100`,
                inputs: { ...explain.inputs, target: target.targetValue },
              }
            : explain,
      };
    });
    const bases = NATIONAL_UTILIZATION_BASES.map((b) => {
      const t = totalsFor(null, b.regionCode);
      return {
        regionCode: b.regionCode,
        name: b.name,
        utilizedWanT: formatGbt8170(t.utilized.div(10_000), 2),
        utilizationRatePct: t.enterprises.size ? rateOf(t).pct : null,
      };
    });
    return { year, regionCode: p.regionCode, items, bases };
  }

  async listUtilizers(
    p: Principal,
    wasteType: string | undefined,
    today: string,
  ): Promise<SolidWasteUtilizer[]> {
    const rows = await listUtilizerRows(this.db, recordScopeOf(p), wasteType);
    return rows.map((r) => toUtilizer(r, today));
  }

  async saveUtilizer(
    p: Principal,
    input: SolidWasteUtilizerInput,
    today: string,
  ): Promise<SolidWasteUtilizer> {
    const id = await this.db.transaction().execute(async (trx) => {
      await this.writableEnterprise(trx, p, input.enterpriseId);
      const capacities: Record<string, string> = {};
      for (const [k, v] of Object.entries(input.capacities)) {
        if (!findWasteType(k))
          throw new AppError('LEDGER_ENTRY_INVALID', `capacities.${k}: 未知的固废种类 / unknown waste type`, {
            field: `capacities.${k}`,
          });
        capacities[k] = new Dec(v).toFixed();
      }
      const newId = await upsertUtilizer(trx, {
        enterpriseId: input.enterpriseId,
        capacities,
        products: input.products ?? '',
        certification: input.certification ?? '',
        certificateNo: input.certificateNo ?? '',
        certifiedUntil: input.certifiedUntil ?? null,
      });
      await recordAuditBy(trx, p, {
        action: 'save',
        entity: 'solid_waste_utilizer',
        entityId: newId,
        before: null,
        after: input,
      });
      return newId;
    });
    const row = await findUtilizerRow(this.db, id);
    if (!row) throw new AppError('UTILIZER_NOT_FOUND', `没有编号为 ${id} 的综合利用企业`);
    return toUtilizer(row, today);
  }
}
