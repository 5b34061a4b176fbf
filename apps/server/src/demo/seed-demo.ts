import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/schema.js';
import { findUserByUsername, insertUser } from '../users/user.repository.js';
import { buildDemoEnterprises, SHANXI_CITIES } from './demo-enterprises.js';
import { seedEnergyDemo } from './seed-energy.js';
import { seedLedgersDemo } from './seed-ledgers.js';
import { seedTargetsDemo } from './seed-targets.js';

/** Bump when the demo data set changes shape, so an older demo database is topped up. */
const DEMO_VERSION = 2;
/** Simulated HJ 212 data units of demo pollution sources; `ecep demo` drives them. */
export const DEMO_DEVICE_COUNT = 24;
export const DEMO_DEVICE_PASSWORD = '123456';
/** GB 13223-2011 ultra-low emission limits (mg/m³ at 6 % O2) for the demo flue-gas outlets. */
const FLUE_GAS_SETTINGS = {
  standardProfile: 'GB13223-2011-ultra-low',
  referenceO2Pct: 6,
  limits: { a21026: 35, a21002: 50, a34013: 10 },
  expectedIntervalS: 60,
};
/** GB 8978-1996 grade-1 limits (mg/L) for the demo waste-water outlets. */
const WASTE_WATER_SETTINGS = {
  standardProfile: 'GB8978-1996-grade-1',
  limits: { w01018: 100, w21003: 15 },
  expectedIntervalS: 60,
};
export const demoDeviceMn = (i: number) => `DEMO14${String(i).padStart(18, '0')}`;
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_ENTERPRISE_COUNT = 220;

export interface DemoSeedResult {
  seeded: boolean;
  enterprises: number;
  devices: Array<{ mn: string; password: string; st: string }>;
  users: Array<{ username: string; role: string; scope: string; password: string }>;
}

/** Loads the demo province (Shanxi): enterprises and one user per role. Idempotent. */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSeedResult> {
  const marker = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'demo.seeded')
    .executeTakeFirst();
  const already =
    marker !== undefined && Number((marker.value as { version?: number }).version) >= DEMO_VERSION;

  if (!already) {
    const counties = await db
      .selectFrom('region')
      .select(['code', 'name', 'parent_code'])
      .where('level', '=', 'county')
      .where('code', 'like', '14%')
      .orderBy('code')
      .execute();
    const byCity = new Map<string, Array<{ code: string; name: string }>>();
    for (const c of counties) {
      // Development zones (codes 7x) have no industry history worth simulating.
      if (c.code.slice(4, 5) === '7') continue;
      const list = byCity.get(c.parent_code ?? '') ?? [];
      list.push({ code: c.code, name: c.name });
      byCity.set(c.parent_code ?? '', list);
    }
    const demo = buildDemoEnterprises(byCity, DEMO_ENTERPRISE_COUNT);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < demo.length; i += 100) {
        const rows = demo.slice(i, i + 100).map((e) => ({
          name: e.name,
          credit_code: e.creditCode,
          region_code: e.regionCode,
          industry_code: e.industryCode,
          key_energy_user: e.keyEnergyUser,
          key_pollution_source: e.keyPollutionSource,
          address: e.address,
          longitude: e.longitude,
          latitude: e.latitude,
          is_demo: true,
        }));
        await trx
          .insertInto('enterprise')
          .values(rows)
          .onConflict((oc) => oc.column('credit_code').where('deleted_at', 'is', null).doNothing())
          .execute();
      }
      await recordAudit(
        trx,
        { userId: null, name: 'system' },
        {
          action: 'demo-seed',
          entity: 'system',
          entityId: 'demo',
          before: null,
          after: { enterprises: demo.length, version: DEMO_VERSION },
        },
      );
      await trx
        .insertInto('app_setting')
        .values({ key: 'demo.seeded', value: JSON.stringify({ version: DEMO_VERSION }) })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: JSON.stringify({ version: DEMO_VERSION }) }),
        )
        .execute();
    });
  }

  const users = await ensureDemoUsers(db);
  const devices = await ensureDemoDevices(db);
  const demoEnterpriseUser = await db
    .selectFrom('app_user')
    .select('enterprise_id')
    .where('username', '=', 'enterprise')
    .executeTakeFirst();
  await seedTargetsDemo(db, demoEnterpriseUser?.enterprise_id ?? null);
  await seedLedgersDemo(db, users);
  await seedEnergyDemo(db);
  const count = await db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('is_demo', '=', true)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { seeded: !already, enterprises: Number(count.n), users, devices };
}

/** One flue-gas or waste-water outlet for each of the first key pollution sources, spread over the cities. */
async function ensureDemoDevices(db: Kysely<Database>) {
  const sources = await db
    .selectFrom('enterprise')
    .select(['id', 'name', 'industry_code'])
    .where('is_demo', '=', true)
    .where('key_pollution_source', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('credit_code')
    .limit(DEMO_DEVICE_COUNT)
    .execute();
  const devices: Array<{ mn: string; password: string; st: string }> = [];
  for (const [i, ent] of sources.entries()) {
    const mn = demoDeviceMn(i + 1);
    // Every fourth outlet is a waste-water outlet (ST 32), the rest flue gas (ST 31).
    const st = i % 4 === 3 ? '32' : '31';
    devices.push({ mn, password: DEMO_DEVICE_PASSWORD, st });
    await db
      .insertInto('monitoring_device')
      .values({
        mn,
        password: DEMO_DEVICE_PASSWORD,
        name: `${ent.name.replace(/^山西/, '').slice(0, 16)}${st === '31' ? '废气排放口' : '废水排放口'}`,
        st,
        enterprise_id: ent.id,
        is_demo: true,
        settings: JSON.stringify(st === '31' ? FLUE_GAS_SETTINGS : WASTE_WATER_SETTINGS),
      })
      .onConflict((oc) => oc.column('mn').doNothing())
      .execute();
  }
  return devices;
}

async function ensureDemoUsers(db: Kysely<Database>) {
  // The enterprise user belongs to the first demo enterprise of 太原市; the county user to its county.
  const ent = await db
    .selectFrom('enterprise')
    .select(['id', 'name', 'region_code'])
    .where('is_demo', '=', true)
    .where('region_code', 'like', '1401%')
    .orderBy('credit_code')
    .executeTakeFirstOrThrow();
  const county = await db
    .selectFrom('region')
    .select('name')
    .where('code', '=', ent.region_code)
    .executeTakeFirst();
  const countyName = `${county?.name ?? ent.region_code}（${ent.region_code}）`;
  const specs = [
    {
      username: 'province',
      displayName: '山西省管理员（演示）',
      role: 'province_admin',
      regionCode: '140000',
      enterpriseId: null,
      scope: '山西省',
    },
    {
      username: 'taiyuan',
      displayName: '太原市管理员（演示）',
      role: 'city_admin',
      regionCode: SHANXI_CITIES[0].code,
      enterpriseId: null,
      scope: '太原市',
    },
    {
      username: 'datong',
      displayName: '大同市管理员（演示）',
      role: 'city_admin',
      regionCode: SHANXI_CITIES[1].code,
      enterpriseId: null,
      scope: '大同市',
    },
    {
      username: 'county',
      displayName: '县级管理员（演示）',
      role: 'county_admin',
      regionCode: ent.region_code,
      enterpriseId: null,
      scope: countyName,
    },
    {
      username: 'enterprise',
      displayName: `${ent.name}（演示）`,
      role: 'enterprise_user',
      regionCode: ent.region_code,
      enterpriseId: ent.id,
      scope: ent.name,
    },
    {
      username: 'auditor',
      displayName: '核查人员（演示）',
      role: 'auditor',
      regionCode: '140000',
      enterpriseId: null,
      scope: '山西省',
    },
    {
      username: 'public',
      displayName: '公众（演示）',
      role: 'public',
      regionCode: null,
      enterpriseId: null,
      scope: '公开数据',
    },
  ] as const;
  let hashed: string | undefined;
  for (const s of specs) {
    if (await findUserByUsername(db, s.username)) continue;
    hashed ??= await hashPassword(DEMO_PASSWORD);
    await insertUser(db, {
      username: s.username,
      passwordHash: hashed,
      displayName: s.displayName,
      role: s.role,
      regionCode: s.regionCode,
      enterpriseId: s.enterpriseId,
      isDemo: true,
    });
  }
  return specs.map((s) => ({ username: s.username, role: s.role, scope: s.scope, password: DEMO_PASSWORD }));
}
