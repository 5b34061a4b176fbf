import type {
  ConsumptionItem,
  EnergyAlarm,
  EnergyAlarmQuery,
  EnergyPeriodTotal,
  EnterpriseConsumption,
  MeterCompleteness,
  MeterConsumption,
  RegionConsumption,
} from '@ecep/contract';
import { Dec, type Decimal, formatGbt8170, toTce } from '@ecep/core';
import { type Kysely, sql } from 'kysely';
import { type Principal, regionInScope, regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import { COMPLETENESS_THRESHOLD_PCT, completenessPct } from './completeness.js';
import { isGapSlot } from './consumption.js';
import type { MeterRow } from './energy-meter.repository.js';
import { enterpriseVisibleTo } from './meter.service.js';
import { DAY_MS, dayStartMs, daysBetween, periodStartMs, shanghaiMinute } from './periods.js';

/** Reported figures: physical amounts to 3 decimals, tce to 4 (GB/T 8170). */
const PHYSICAL_DIGITS = 3;
const TCE_DIGITS = 4;
const MAX_RANGE_DAYS: Record<string, number> = { '15min': 31, hour: 92, day: 400, month: 3660, year: 7320 };

const dec = (x: number) => new Dec(String(x));

function checkRange(fromIso: string, toIso: string, granularity: string): { fromMs: number; toMs: number } {
  const fromMs = Date.parse(fromIso);
  const toMs = Date.parse(toIso);
  if (!(toMs > fromMs)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'querystring/to: 结束时间必须晚于开始时间 / to must be after from',
    );
  }
  const maxDays = MAX_RANGE_DAYS[granularity] ?? 31;
  if (toMs - fromMs > maxDays * DAY_MS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `querystring/to: 粒度 ${granularity} 一次最多查询 ${maxDays} 天 / at most ${maxDays} days at ${granularity}`,
    );
  }
  return { fromMs, toMs };
}

/** tce per unit of a meter (exact), and the coefficient shown beside its figures. */
function tcePerUnit(energyCode: string, unit: string) {
  const r = toTce({ items: [{ energy: energyCode, amount: 1, unit }] });
  const item = r.items[0];
  return {
    perUnit: r.totalTce,
    coefficient: {
      value: item ? item.coefficientKgcePerUnit.toFixed() : '0',
      unit: item ? `kgce/${item.coefficientUnit}` : '',
      source: item?.source ?? '',
    },
  };
}

interface Bucket {
  periodStart: number;
  period: string;
  consumption: number | null;
  slotsExpected: number;
  slotsWithConsumption: number;
  gapSlots: number;
  marks: Set<string>;
  spanStart?: number;
}

interface PhysicalItem {
  energyCode: string;
  unit: string;
  amount: Decimal;
}

/** Converts summed physical amounts to tce through the calculation engine, keeping its explanation. */
function periodTotal(period: string, items: readonly PhysicalItem[], complete: boolean): EnergyPeriodTotal {
  const sorted = [...items].sort(
    (a, b) => a.energyCode.localeCompare(b.energyCode) || a.unit.localeCompare(b.unit),
  );
  const negative = sorted.filter((i) => i.amount.isNegative());
  const r = toTce({
    items: sorted.map((i) => ({
      energy: i.energyCode,
      amount: i.amount.isNegative() ? 0 : i.amount,
      unit: i.unit,
    })),
  });
  const notes = [...(r.explain.notes ?? [])];
  if (negative.length > 0) {
    notes.push(
      `Net negative metered amounts (counter corrections) counted as 0 tce: ${negative.map((i) => i.energyCode).join(', ')}.`,
    );
  }
  return {
    period,
    byEnergy: sorted.map((i, k) => ({
      energyCode: i.energyCode,
      nameZh: r.items[k]?.nameZh ?? i.energyCode,
      consumptionPhysical: formatGbt8170(i.amount, PHYSICAL_DIGITS),
      unit: i.unit,
      energyTce: formatGbt8170(r.items[k]?.tce ?? 0, TCE_DIGITS),
    })),
    totalTce: formatGbt8170(r.totalTce, TCE_DIGITS),
    complete,
    explain: { ...r.explain, notes } as EnergyPeriodTotal['explain'],
  };
}

/** Consumption reports (meter, enterprise, region), completeness and completeness alarms. */
export class ConsumptionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async meterConsumption(
    meter: MeterRow,
    q: { granularity: '15min' | 'hour' | 'day' | 'month'; from: string; to: string },
  ): Promise<MeterConsumption> {
    const { fromMs, toMs } = checkRange(q.from, q.to, q.granularity);
    const intervalMs = meter.expected_interval_s * 1000;
    const { perUnit, coefficient } = tcePerUnit(meter.energy_code, meter.unit);
    const buckets: Bucket[] = [];
    if (q.granularity === '15min' || q.granularity === 'hour') {
      const size = q.granularity === 'hour' ? Math.max(3_600_000, intervalMs) : intervalMs;
      const start = Math.floor(fromMs / size) * size;
      const slots = await this.db
        .selectFrom('energy_consumption_slot')
        .select(['slot_start', 'consumption', 'status', 'span_start'])
        .where('meter_id', '=', meter.id)
        .where('slot_start', '>=', new Date(start))
        .where('slot_start', '<', new Date(toMs))
        .execute();
      const perBucket = Math.max(1, Math.round(size / intervalMs));
      const byStart = new Map<number, Bucket>();
      for (let t = start; t < toMs; t += size) {
        const b: Bucket = {
          periodStart: t,
          period: q.granularity === 'hour' ? shanghaiMinute(t).slice(0, 13) : shanghaiMinute(t),
          consumption: null,
          slotsExpected: perBucket,
          slotsWithConsumption: 0,
          gapSlots: 0,
          marks: new Set(),
        };
        buckets.push(b);
        byStart.set(t, b);
      }
      const seen = new Map<number, number>();
      for (const s of slots) {
        const t = new Date(s.slot_start).getTime();
        const b = byStart.get(Math.floor(t / size) * size);
        if (!b) continue;
        seen.set(b.periodStart, (seen.get(b.periodStart) ?? 0) + 1);
        if (s.consumption !== null) b.consumption = (b.consumption ?? 0) + s.consumption;
        const gap = isGapSlot({ status: s.status, spanStartIndex: s.span_start === null ? null : 0 });
        if (gap) b.gapSlots++;
        else if (s.consumption !== null) b.slotsWithConsumption++;
        if (s.status !== 'ok') b.marks.add(s.status);
        if (s.span_start !== null) {
          b.marks.add('gap-span');
          if (q.granularity === '15min') b.spanStart = new Date(s.span_start).getTime();
        }
      }
      for (const b of buckets) {
        const missing = b.slotsExpected - (seen.get(b.periodStart) ?? 0);
        if (missing > 0) {
          b.marks.add('missing');
          b.gapSlots += missing;
        }
      }
    } else {
      const days = daysBetween(fromMs, toMs);
      const rows = await this.db
        .selectFrom('energy_consumption_day')
        .selectAll()
        .where('meter_id', '=', meter.id)
        .where('day', '>=', days[0] as string)
        .where('day', '<=', days.at(-1) as string)
        .execute();
      const byDay = new Map(rows.map((r) => [r.day, r]));
      const perDay = Math.round(86_400 / meter.expected_interval_s);
      const byPeriod = new Map<string, Bucket>();
      for (const day of days) {
        const period = q.granularity === 'month' ? day.slice(0, 7) : day;
        let b = byPeriod.get(period);
        if (!b) {
          b = {
            periodStart: q.granularity === 'month' ? periodStartMs(period) : dayStartMs(day),
            period,
            consumption: null,
            slotsExpected: 0,
            slotsWithConsumption: 0,
            gapSlots: 0,
            marks: new Set(),
          };
          byPeriod.set(period, b);
          buckets.push(b);
        }
        b.slotsExpected += perDay;
        const r = byDay.get(day);
        if (!r) {
          b.gapSlots += perDay;
          b.marks.add('missing');
          continue;
        }
        if (r.consumption !== null) b.consumption = (b.consumption ?? 0) + r.consumption;
        b.slotsWithConsumption += r.slots_with_consumption;
        b.gapSlots += r.gap_slots;
        if (r.slots_with_consumption + r.gap_slots < r.slots_expected) b.marks.add('missing');
        for (const m of r.marks as string[]) b.marks.add(m);
      }
    }
    const items: ConsumptionItem[] = buckets.map((b) => {
      const marks = [...b.marks].sort();
      return {
        periodStart: toShanghaiIso(b.periodStart),
        period: b.period,
        consumptionPhysical:
          b.consumption === null ? null : formatGbt8170(dec(b.consumption), PHYSICAL_DIGITS),
        unit: meter.unit,
        energyTce:
          b.consumption === null ? null : formatGbt8170(dec(b.consumption).times(perUnit), TCE_DIGITS),
        slotsExpected: b.slotsExpected,
        slotsWithConsumption: b.slotsWithConsumption,
        complete: b.slotsWithConsumption >= b.slotsExpected,
        gap: b.gapSlots > 0 || marks.includes('gap') || marks.includes('gap-span'),
        marks,
        ...(b.spanStart === undefined ? {} : { gapSpanStart: toShanghaiIso(b.spanStart) }),
      };
    });
    return {
      meterId: meter.id,
      energyCode: meter.energy_code,
      unit: meter.unit,
      granularity: q.granularity,
      items,
      coefficient,
    };
  }

  async enterpriseConsumption(
    p: Principal,
    enterpriseId: string,
    q: { granularity: 'day' | 'month'; from: string; to: string },
  ): Promise<EnterpriseConsumption> {
    const ent = /^[0-9a-f-]{36}$/i.test(enterpriseId)
      ? await this.db
          .selectFrom('enterprise')
          .select(['id', 'name', 'region_code'])
          .where('id', '=', enterpriseId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
      : undefined;
    if (!ent || !enterpriseVisibleTo(p, { enterprise_id: ent.id, region_code: ent.region_code })) {
      throw new AppError(
        'ENTERPRISE_NOT_FOUND',
        `没有编号为 ${enterpriseId} 的企业 / no enterprise ${enterpriseId}`,
      );
    }
    const { fromMs, toMs } = checkRange(q.from, q.to, q.granularity);
    const days = daysBetween(fromMs, toMs);
    const meters = await this.db
      .selectFrom('energy_meter')
      .select(['id', 'energy_code', 'unit'])
      .where('enterprise_id', '=', ent.id)
      .execute();
    const rows =
      meters.length === 0
        ? []
        : await this.db
            .selectFrom('energy_consumption_day')
            .select(['meter_id', 'day', 'consumption', 'slots_expected', 'slots_with_consumption'])
            .where(
              'meter_id',
              'in',
              meters.map((m) => m.id),
            )
            .where('day', '>=', days[0] as string)
            .where('day', '<=', days.at(-1) as string)
            .execute();
    const meterById = new Map(meters.map((m) => [m.id, m]));
    const periodOf = (day: string) => (q.granularity === 'month' ? day.slice(0, 7) : day);
    const periods = [...new Set(days.map(periodOf))];
    const daysIn = new Map<string, number>();
    for (const d of days) daysIn.set(periodOf(d), (daysIn.get(periodOf(d)) ?? 0) + 1);
    const sums = new Map<string, Map<string, PhysicalItem>>();
    const completeRows = new Map<string, number>();
    for (const r of rows) {
      const m = meterById.get(r.meter_id);
      if (!m) continue;
      const period = periodOf(r.day);
      if (r.slots_with_consumption >= r.slots_expected) {
        completeRows.set(period, (completeRows.get(period) ?? 0) + 1);
      }
      if (r.consumption === null) continue;
      const items = sums.get(period) ?? new Map<string, PhysicalItem>();
      sums.set(period, items);
      const key = `${m.energy_code}|${m.unit}`;
      const item = items.get(key) ?? { energyCode: m.energy_code, unit: m.unit, amount: new Dec(0) };
      item.amount = item.amount.plus(dec(r.consumption));
      items.set(key, item);
    }
    return {
      enterpriseId: ent.id,
      enterpriseName: ent.name,
      granularity: q.granularity,
      meters: meters.length,
      items: periods.map((period) =>
        periodTotal(
          period,
          [...(sums.get(period)?.values() ?? [])],
          meters.length > 0 && (completeRows.get(period) ?? 0) >= meters.length * (daysIn.get(period) ?? 0),
        ),
      ),
    };
  }

  async regionConsumption(
    p: Principal,
    code: string,
    q: { granularity: 'month' | 'year'; from: string; to: string },
  ): Promise<RegionConsumption> {
    const region = await this.db
      .selectFrom('region')
      .select(['code', 'name', 'level'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!region || !regionInScope(p, region.code)) {
      throw new AppError(
        'ENERGY_REGION_NOT_FOUND',
        `没有代码为 ${code} 的辖区 / no region ${code} in your scope`,
      );
    }
    const { fromMs, toMs } = checkRange(q.from, q.to, q.granularity);
    const days = daysBetween(fromMs, toMs);
    const prefix = regionPrefix(region.code);
    const periodLen = q.granularity === 'year' ? 4 : 7;
    // Provinces break down by city, cities by county; a county by itself.
    const childExpr =
      region.level === 'province'
        ? sql<string>`substr(e.region_code, 1, 4) || '00'`
        : sql<string>`e.region_code`;
    const rows = await this.db
      .selectFrom('energy_consumption_day as d')
      .innerJoin('energy_meter as m', 'm.id', 'd.meter_id')
      .innerJoin('enterprise as e', 'e.id', 'm.enterprise_id')
      .select([
        sql<string>`substr(d.day, 1, ${sql.lit(periodLen)})`.as('period'),
        childExpr.as('child'),
        'm.energy_code',
        'm.unit',
        sql<number>`sum(d.consumption)`.as('consumption'),
        sql<string>`count(distinct m.enterprise_id)`.as('enterprises'),
      ])
      .where('e.deleted_at', 'is', null)
      .where('e.region_code', 'like', `${prefix}%`)
      .where('d.day', '>=', days[0] as string)
      .where('d.day', '<=', days.at(-1) as string)
      .where('d.consumption', 'is not', null)
      .groupBy([sql`1`, sql`2`, 'm.energy_code', 'm.unit'])
      .execute();
    const enterprises = await this.db
      .selectFrom('energy_consumption_day as d')
      .innerJoin('energy_meter as m', 'm.id', 'd.meter_id')
      .innerJoin('enterprise as e', 'e.id', 'm.enterprise_id')
      .select(sql<string>`count(distinct m.enterprise_id)`.as('n'))
      .where('e.deleted_at', 'is', null)
      .where('e.region_code', 'like', `${prefix}%`)
      .where('d.day', '>=', days[0] as string)
      .where('d.day', '<=', days.at(-1) as string)
      .where('d.consumption', 'is not', null)
      .executeTakeFirst();
    const add = (map: Map<string, Map<string, PhysicalItem>>, key: string, r: (typeof rows)[number]) => {
      const items = map.get(key) ?? new Map<string, PhysicalItem>();
      map.set(key, items);
      const k = `${r.energy_code}|${r.unit}`;
      const item = items.get(k) ?? { energyCode: r.energy_code, unit: r.unit, amount: new Dec(0) };
      item.amount = item.amount.plus(dec(Number(r.consumption)));
      items.set(k, item);
    };
    const byPeriod = new Map<string, Map<string, PhysicalItem>>();
    const byChild = new Map<string, Map<string, PhysicalItem>>();
    for (const r of rows) {
      add(byPeriod, r.period, r);
      if (region.level !== 'county') add(byChild, r.child, r);
    }
    const periods = [...new Set(days.map((d) => d.slice(0, periodLen)))];
    const childCodes = [...byChild.keys()].sort();
    const names =
      childCodes.length === 0
        ? []
        : await this.db
            .selectFrom('region')
            .select(['code', 'name'])
            .where('code', 'in', childCodes)
            .execute();
    const nameOf = new Map(names.map((n) => [n.code, n.name]));
    return {
      regionCode: region.code,
      regionName: region.name,
      granularity: q.granularity,
      enterprises: Number(enterprises?.n ?? 0),
      // Region totals add up what the meters report; completeness is judged per meter (see completeness).
      items: periods.map((period) => periodTotal(period, [...(byPeriod.get(period)?.values() ?? [])], false)),
      byChildRegion: childCodes.map((c) => ({
        regionCode: c,
        regionName: nameOf.get(c) ?? c,
        totalTce: periodTotal(c, [...(byChild.get(c)?.values() ?? [])], false).totalTce,
      })),
    };
  }

  async completeness(meter: MeterRow, q: { from: string; to: string }): Promise<MeterCompleteness> {
    const { fromMs, toMs } = checkRange(q.from, q.to, 'day');
    const days = daysBetween(fromMs, toMs);
    const rows = await this.db
      .selectFrom('energy_consumption_day')
      .select(['day', 'slots_expected', 'slots_received'])
      .where('meter_id', '=', meter.id)
      .where('day', '>=', days[0] as string)
      .where('day', '<=', days.at(-1) as string)
      .execute();
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const perDay = Math.round(86_400 / meter.expected_interval_s);
    const nowMs = this.now();
    let received = 0;
    let expected = 0;
    const out = days.map((day) => {
      const r = byDay.get(day);
      const exp = r?.slots_expected ?? perDay;
      const got = r?.slots_received ?? 0;
      received += got;
      expected += exp;
      const c = completenessPct(got, exp);
      return {
        day,
        slotsExpected: exp,
        slotsReceived: got,
        completenessPct: c.pct,
        ok: c.ok,
        closed: dayStartMs(day) + DAY_MS <= nowMs,
      };
    });
    return {
      meterId: meter.id,
      thresholdPct: COMPLETENESS_THRESHOLD_PCT,
      days: out,
      overallPct: expected > 0 ? completenessPct(received, expected).pct : null,
    };
  }

  async alarms(p: Principal, q: EnergyAlarmQuery): Promise<EnergyAlarm[]> {
    let query = this.db
      .selectFrom('energy_meter_alarm as a')
      .innerJoin('energy_meter as m', 'm.id', 'a.meter_id')
      .innerJoin('enterprise as e', 'e.id', 'm.enterprise_id')
      .select([
        'a.id',
        'a.meter_id',
        'm.name as meter_name',
        'm.enterprise_id',
        'e.name as enterprise_name',
        'e.region_code',
        'a.type',
        'a.day',
        'a.completeness_pct',
        'a.threshold_pct',
        'a.raised_at',
        'a.resolved_at',
      ])
      .where('e.deleted_at', 'is', null)
      .orderBy('a.day', 'desc')
      .orderBy('e.name')
      .limit(q.limit ?? 200);
    if (q.enterpriseId) query = query.where('m.enterprise_id', '=', q.enterpriseId);
    if (q.open) query = query.where('a.resolved_at', 'is', null);
    if (p.role === 'enterprise_user') query = query.where('m.enterprise_id', '=', p.enterpriseId ?? '');
    const prefix = regionPrefix(p.regionCode);
    if (prefix) query = query.where('e.region_code', 'like', `${prefix}%`);
    const rows = await query.execute();
    return rows
      .filter((r) => enterpriseVisibleTo(p, r))
      .map((r) => ({
        id: String(r.id),
        meterId: r.meter_id,
        meterName: r.meter_name,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        type: r.type,
        day: r.day,
        completenessPct: formatGbt8170(r.completeness_pct, 1),
        thresholdPct: formatGbt8170(r.threshold_pct, 0),
        raisedAt: toShanghaiIso(r.raised_at),
        resolvedAt: r.resolved_at ? toShanghaiIso(r.resolved_at) : null,
      }));
  }
}
