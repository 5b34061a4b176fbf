import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/schema.js';
import { type BalancedQuantities, ROUTE_KEYS, type RouteKey } from '../ledgers/balance.js';
import { insertEntry, upsertUtilizer } from '../ledgers/ledger.repository.js';
import { insertMilestone, insertProject, setProjectStage } from '../projects/project.repository.js';
import { setUnits } from '../tasks/task.repository.js';
import { findUserByUsername, insertUser } from '../users/user.repository.js';
import { prng } from './demo-enterprises.js';

/** Bump when the data set changes shape. */
const LEDGER_DEMO_VERSION = 1;
const MARKER = 'demo.ledgers.seeded';
const DEMO_PASSWORD = 'Demo@2026';
const DEMO = '（演示数据）';
const GXT = '山西省工业和信息化厅';
const FGW = '山西省发展和改革委员会';

/** Waste types and monthly volumes (t) by GB/T 4754 division of the demo enterprises. */
const WASTE_BY_INDUSTRY: Record<string, Array<{ type: string; baseT: number; rate: number }>> = {
  '06': [{ type: 'coal_gangue', baseT: 45_000, rate: 0.6 }],
  '44': [
    { type: 'fly_ash', baseT: 25_000, rate: 0.75 },
    { type: 'desulfurization_gypsum', baseT: 6_000, rate: 0.7 },
  ],
  '31': [{ type: 'smelting_slag', baseT: 30_000, rate: 0.8 }],
  '32': [
    { type: 'red_mud', baseT: 20_000, rate: 0.15 },
    { type: 'smelting_slag', baseT: 8_000, rate: 0.6 },
  ],
};
const ROUTE_SHARES: Record<string, Partial<Record<RouteKey, number>>> = {
  coal_gangue: { powerT: 0.4, buildingMaterialsT: 0.25, backfillT: 0.2, landReclamationT: 0.1 },
  fly_ash: { buildingMaterialsT: 0.6, roadBaseT: 0.25, backfillT: 0.1 },
  desulfurization_gypsum: { buildingMaterialsT: 0.9 },
  smelting_slag: { buildingMaterialsT: 0.7, roadBaseT: 0.2 },
  red_mud: { buildingMaterialsT: 0.5, landReclamationT: 0.3 },
};

function months(): string[] {
  const out: string[] = [];
  for (let y = 2023; y <= 2025; y++)
    for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/** One balanced month: generated = fresh utilised + disposed + stored; closing = opening + stored − from stock. */
function balancedMonth(
  rand: () => number,
  type: string,
  baseT: number,
  rate: number,
  opening: number,
): BalancedQuantities {
  const generated = Math.round(baseT * (0.85 + 0.3 * rand()));
  const fresh = Math.round(generated * Math.min(0.98, rate * (0.9 + 0.2 * rand())));
  const disposed = Math.round(generated * 0.04 * rand());
  const stored = generated - fresh - disposed;
  const fromStock = Math.min(opening, Math.round(opening * 0.015 * rand()));
  const utilized = fresh + fromStock;
  const routes = Object.fromEntries(ROUTE_KEYS.map((k) => [k, 0])) as Record<RouteKey, number>;
  let assigned = 0;
  for (const [k, share] of Object.entries(ROUTE_SHARES[type] ?? {}) as Array<[RouteKey, number]>) {
    routes[k] = Math.floor(utilized * share);
    assigned += routes[k];
  }
  routes.otherUseT += utilized - assigned;
  return {
    openingStockT: String(opening),
    generatedT: String(generated),
    utilizedT: String(utilized),
    utilizedFromStockT: String(fromStock),
    routes: Object.fromEntries(ROUTE_KEYS.map((k) => [k, String(routes[k])])) as Record<RouteKey, string>,
    disposedT: String(disposed),
    storedT: String(stored),
    closingStockT: String(opening + stored - fromStock),
  };
}

const PROJECT_KINDS = [
  { category: 'resource_utilization', programmeNo: 7, name: '煤矸石烧结多孔砖项目', wasteT: 300_000 },
  { category: 'resource_utilization', programmeNo: 7, name: '粉煤灰蒸压加气混凝土砌块项目', wasteT: 200_000 },
  { category: 'resource_utilization', programmeNo: 12, name: '煤矸石综合利用电厂项目', wasteT: 1_200_000 },
  { category: 'cleaner_production', programmeNo: 8, name: '焦化清洁生产改造项目', wasteT: null },
  { category: 'energy_saving_retrofit', programmeNo: 4, name: '余热余压利用节能改造项目', wasteT: null },
  { category: 'energy_saving_retrofit', programmeNo: 4, name: '电机系统节能改造项目', wasteT: null },
  { category: 'equipment', programmeNo: 18, name: '环保装备制造项目', wasteT: null },
  { category: 'resource_utilization', programmeNo: 7, name: '脱硫石膏制纸面石膏板项目', wasteT: 150_000 },
] as const;

/**
 * Demo data (演示数据) of the ledgers, the key-project pool and task supervision: monthly solid-waste ledgers
 * 2023–2025 with balanced stockpiles for demo enterprises, utilisation enterprises, ~60 projects across stages,
 * manual tasks with reports, and unit users (`gxt` 山西省工业和信息化厅, `fgw` 山西省发展和改革委员会).
 * Idempotent through its own marker; returns the demo users it added to the list.
 */
export async function seedLedgersDemo(
  db: Kysely<Database>,
  demoUsers: Array<{ username: string; role: string; scope: string; password: string }> = [],
): Promise<Array<{ username: string; role: string; scope: string; password: string }>> {
  const users = [
    { username: 'gxt', displayName: `${GXT}（演示）`, unit: GXT },
    { username: 'fgw', displayName: `${FGW}（演示）`, unit: FGW },
  ];
  let hashed: string | undefined;
  for (const u of users) {
    let row = await findUserByUsername(db, u.username);
    if (!row) {
      hashed ??= await hashPassword(DEMO_PASSWORD);
      row = await insertUser(db, {
        username: u.username,
        passwordHash: hashed,
        displayName: u.displayName,
        role: 'province_admin',
        regionCode: '140000',
        enterpriseId: null,
        isDemo: true,
      });
      await setUnits(db, row.id, [u.unit]);
    }
  }
  const listed = users.map((u) => ({
    username: u.username,
    role: 'province_admin',
    scope: `${u.unit}（督办任务）`,
    password: DEMO_PASSWORD,
  }));
  for (const u of listed) if (!demoUsers.some((d) => d.username === u.username)) demoUsers.push(u);

  const marker = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', MARKER)
    .executeTakeFirst();
  if (marker && Number((marker.value as { version?: number }).version) >= LEDGER_DEMO_VERSION) return listed;

  await db.transaction().execute(async (trx) => {
    const rand = prng(20260);
    const enterprises = await trx
      .selectFrom('enterprise')
      .select(['id', 'name', 'region_code', 'industry_code'])
      .where('is_demo', '=', true)
      .where('deleted_at', 'is', null)
      .where('industry_code', 'in', Object.keys(WASTE_BY_INDUSTRY))
      .orderBy('credit_code')
      .limit(16)
      .execute();
    const entUser = await trx
      .selectFrom('app_user')
      .select('enterprise_id')
      .where('username', '=', 'enterprise')
      .executeTakeFirst();
    const own = entUser?.enterprise_id
      ? await trx
          .selectFrom('enterprise')
          .select(['id', 'name', 'region_code', 'industry_code'])
          .where('id', '=', entUser.enterprise_id)
          .executeTakeFirst()
      : undefined;
    if (own && !enterprises.some((e) => e.id === own.id)) enterprises.push(own);
    let entries = 0;
    for (const ent of enterprises) {
      const wastes = WASTE_BY_INDUSTRY[ent.industry_code] ?? [{ type: 'fly_ash', baseT: 5_000, rate: 0.7 }];
      for (const w of wastes) {
        const exists = await trx
          .selectFrom('solid_waste_entry')
          .select('id')
          .where('enterprise_id', '=', ent.id)
          .where('waste_type', '=', w.type)
          .executeTakeFirst();
        if (exists) continue;
        let opening = Math.round(w.baseT * (4 + 4 * rand()));
        for (const period of months()) {
          const q = balancedMonth(rand, w.type, w.baseT, w.rate, opening);
          await insertEntry(trx, {
            enterpriseId: ent.id,
            wasteType: w.type,
            periodType: 'month',
            period,
            quantities: q,
            note: DEMO,
            recordedBy: 'demo',
            isDemo: true,
          });
          opening = Number(q.closingStockT);
          entries++;
        }
      }
    }

    const utilizers = await trx
      .selectFrom('enterprise')
      .select(['id'])
      .where('is_demo', '=', true)
      .where('industry_code', 'in', ['30', '42'])
      .where('deleted_at', 'is', null)
      .orderBy('credit_code')
      .limit(6)
      .execute();
    for (const [i, u] of utilizers.entries()) {
      await upsertUtilizer(trx, {
        enterpriseId: u.id,
        capacities:
          i % 3 === 0
            ? { coal_gangue: String(300_000 + i * 50_000), fly_ash: '100000' }
            : i % 3 === 1
              ? { fly_ash: String(200_000 + i * 20_000), desulfurization_gypsum: '80000' }
              : { smelting_slag: String(400_000 + i * 10_000) },
        products: ['煤矸石烧结砖', '蒸压粉煤灰砖、纸面石膏板', '矿渣微粉'][i % 3] ?? '',
        certification: '资源综合利用产品和劳务增值税优惠目录认定',
        certificateNo: `晋资综认字〔2024〕${String(100 + i)}号`,
        certifiedUntil: i === 5 ? '2025-06-30' : '2027-12-31',
        isDemo: true,
      });
    }

    const projectCount = await trx
      .selectFrom('project')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    if (Number(projectCount.n) === 0) {
      const owners = await trx
        .selectFrom('enterprise')
        .select(['id', 'name', 'region_code'])
        .where('is_demo', '=', true)
        .where('deleted_at', 'is', null)
        .orderBy('credit_code')
        .limit(60)
        .execute();
      for (const [i, owner] of owners.entries()) {
        const kind = PROJECT_KINDS[i % PROJECT_KINDS.length] as (typeof PROJECT_KINDS)[number];
        const planned = Math.round((2_000 + rand() * 48_000) / 10) * 10;
        const roll = rand();
        // Roughly the mix the 2014 plan aimed at: most started, about two in five running.
        const stage =
          roll < 0.1
            ? 'reserve'
            : roll < 0.55
              ? 'started'
              : roll < 0.8
                ? 'operating'
                : roll < 0.93
                  ? 'full_production'
                  : 'terminated';
        const done = { reserve: 0, started: 0.35, operating: 0.85, full_production: 1, terminated: 0.1 }[
          stage
        ];
        const saving =
          kind.category === 'energy_saving_retrofit' ? Math.round(planned * (0.3 + rand() * 0.4)) : null;
        const id = await insertProject(
          trx,
          {
            name: `${owner.name.replace(/^山西/, '').replace(/(有限公司|有限责任公司|股份有限公司|集团有限公司)$/, '')}${kind.name}`,
            category: kind.category,
            programmeNo: kind.programmeNo,
            enterpriseId: owner.id,
            ownerName: owner.name,
            regionCode: owner.region_code,
            planYear: 2022 + (i % 3),
            plannedInvestment10kYuan: String(planned),
            completedInvestment10kYuan: String(Math.round(planned * done)),
            capacity: kind.wasteT ? `年消纳固废${kind.wasteT / 10_000}万吨` : '',
            expectedSavingTcePerYr: saving === null ? null : String(saving),
            expectedWasteUseTPerYr: kind.wasteT ? String(kind.wasteT) : null,
            expectedEmissionCutTPerYr:
              kind.category === 'cleaner_production' ? String(Math.round(50 + rand() * 300)) : null,
            measuredSavingTcePerYr:
              saving !== null && (stage === 'operating' || stage === 'full_production')
                ? String(Math.round(saving * (0.7 + rand() * 0.4)))
                : null,
            measuredWasteUseTPerYr: null,
            note: DEMO,
          },
          { stage: 'reserve', stageDate: null },
          true,
        );
        // Stage dates lie in 2022–2026, never after today.
        const year = 2022 + (i % 3);
        const path =
          stage === 'terminated'
            ? [
                ['started', `${year}-05-10`],
                ['terminated', `${year + 1}-03-15`],
              ]
            : (['started', 'operating', 'full_production'] as const)
                .slice(0, { reserve: 0, started: 1, operating: 2, full_production: 3 }[stage])
                .map((s, k) => [s, `${year + k}-${String(3 + k * 3).padStart(2, '0')}-15`]);
        let from = 'reserve';
        for (const [to, date] of path as Array<[string, string]>) {
          await setProjectStage(trx, id, {
            fromStage: from,
            stage: to,
            date,
            evidence:
              to === 'started' ? '开工报告（演示）' : to === 'terminated' ? '' : '竣工验收资料（演示）',
            reason: to === 'terminated' ? '资金未落实，企业申请终止（演示）' : '',
            actorName: 'demo',
          });
          from = to;
        }
        if (stage === 'started' || stage === 'reserve') {
          await insertMilestone(trx, id, {
            title: '主体工程完工',
            dueDate: `${year + 1}-${i % 2 ? '06' : '12'}-30`,
            doneDate: null,
            note: DEMO,
          });
          await insertMilestone(trx, id, {
            title: '设备安装调试',
            dueDate: `${year + 3}-09-30`,
            doneDate: null,
            note: DEMO,
          });
        } else if (stage !== 'terminated') {
          await insertMilestone(trx, id, {
            title: '主体工程完工',
            dueDate: `${year + 1}-03-31`,
            doneDate: `${year + 1}-03-20`,
            note: DEMO,
          });
        }
      }
    }

    const taskCount = await trx
      .selectFrom('supervised_task')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    if (Number(taskCount.n) === 0) {
      const tasks = [
        {
          title: '建立工业固废堆存情况档案和产生情况台账（演示）',
          lead: [GXT],
          coop: ['各市人民政府'],
          deadline: '2025-12-31',
          output: '全省工业固废台账',
          reports: [[GXT, 60, '已建立11个市的固废台账，正在核实堆存量']],
        },
        {
          title: '建立节能改造项目动态储备库（演示）',
          lead: [GXT],
          coop: [FGW],
          deadline: '2026-12-15',
          output: '项目储备库及季度调度',
          reports: [[GXT, 80, '储备库已录入项目，按季度调度']],
        },
        {
          title: '开展重点用能单位节能诊断（演示）',
          lead: [FGW],
          coop: [GXT],
          deadline: '2026-06-30',
          output: '诊断报告',
          reports: [[FGW, 50, '完成半数企业诊断']],
        },
        {
          title: '推进大宗固废综合利用基地建设（演示）',
          lead: [GXT],
          coop: ['朔州市人民政府', '晋城市人民政府', '长治市人民政府'],
          deadline: '2027-06-30',
          output: '基地建设方案',
          reports: [],
        },
      ] as const;
      for (const t of tasks) {
        const row = await trx
          .insertInto('supervised_task')
          .values({
            source: 'manual',
            title: t.title,
            lead_units: JSON.stringify(t.lead),
            cooperating_units: JSON.stringify(t.coop),
            deadline: t.deadline,
            expected_output: t.output,
            region_code: '140000',
            is_demo: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const [unit, percent, text] of t.reports) {
          await trx
            .insertInto('task_report')
            .values({
              task_id: row.id,
              unit,
              period: '2026-Q3',
              text,
              percent,
              attachments: JSON.stringify([{ name: '进展材料（演示）.pdf' }]),
              status: 'submitted',
              reported_by: 'demo',
            })
            .execute();
        }
      }
    }

    await recordAudit(
      trx,
      { userId: null, name: 'system' },
      {
        action: 'demo-seed',
        entity: 'system',
        entityId: 'demo-ledgers',
        before: null,
        after: { entries, version: LEDGER_DEMO_VERSION },
      },
    );
    await trx
      .insertInto('app_setting')
      .values({ key: MARKER, value: JSON.stringify({ version: LEDGER_DEMO_VERSION }) })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: JSON.stringify({ version: LEDGER_DEMO_VERSION }) }),
      )
      .execute();
  });
  return listed;
}
