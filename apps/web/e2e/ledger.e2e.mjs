// Browser journey: a city administrator imports solid-waste ledger rows from the Excel template for an enterprise
// of the city; the file with one row that does not balance is refused with the row named, the corrected file is
// accepted, and the city's utilisation rate on the rates view changes to what the new rows make it.
// Needs a running server with demo data: ECEP_E2E_URL=http://localhost:8095 npm run test:e2e
// It does not start the server (CI does). Chromium: ECEP_CHROMIUM or /usr/bin/chromium.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { apiAs, asSignedIn, BASE_URL, launchBrowser } from './helpers.mjs';

/** A city administrator may write ledgers (and import them) for the enterprises of the city. */
const CITY_USER = 'taiyuan';
/** Waste types in the order the test tries them for a free (enterprise, period, type). */
const WASTE_TYPES = [
  ['other', '其他工业固体废物'],
  ['tailings', '尾矿'],
  ['red_mud', '赤泥'],
  ['desulfurization_gypsum', '脱硫石膏'],
  ['smelting_slag', '冶炼渣'],
  ['fly_ash', '粉煤灰'],
  ['coal_gangue', '煤矸石'],
];

/** Exact decimal text → thousandths as a BigInt (`123.45` → 123450n). */
function milli(text) {
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(String(text));
  assert.ok(m, `a decimal with up to three places, got “${text}”`);
  return BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

/**
 * utilised ÷ (generated + utilised from stock) × 100 with two decimals, rounded half to even at an exact tie
 * (GB/T 8170), as text: the rate the server must show for the totals.
 */
function expectedRate({ generated, utilized, fromStock }) {
  const denominator = generated + fromStock;
  const scaled = utilized * 10000n;
  let q = scaled / denominator;
  const twice = (scaled % denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
}

/**
 * The test data: the month with the city's latest rate, an enterprise of the city, and two waste types that
 * enterprise has no entry for in that month.
 */
async function chooseData() {
  const city = await apiAs(CITY_USER);
  const cityCode = city.user.regionCode;
  assert.ok(cityCode, `${CITY_USER} is a city user`);
  let period = null;
  let before = null;
  for (const p of ['2025-12', '2025-11', '2025-10', '2026-01']) {
    const rates = await city.get(`/api/ledgers/solid-waste/rates?period=${p}&groupBy=city`);
    before = rates.items.find((r) => r.key === cityCode) ?? null;
    period = p;
    if (before) break;
  }
  const { items: enterprises } = await city.get('/api/enterprises?pageSize=100');
  for (const ent of enterprises) {
    const { items } = await city.get(
      `/api/ledgers/solid-waste/entries?enterpriseId=${ent.id}&from=${period}&to=${period}&pageSize=50`,
    );
    const taken = new Set(items.map((e) => e.wasteType));
    const free = WASTE_TYPES.filter(([code]) => !taken.has(code));
    if (free.length >= 2) return { cityCode, period, before, enterprise: ent, types: free.slice(0, 2) };
  }
  throw new Error(`no enterprise of ${cityCode} has two waste types without a ${period} entry`);
}

/** The rate the rates view's table shows for the city in `period` (null when it shows none). */
async function cityRateShown(page, period, cityCode) {
  await page.goto(`${BASE_URL}/ledger?tab=rates&period=${period}&group=city`);
  const panel = page.getByTestId('ledger-rates');
  await panel.waitFor({ timeout: 20_000 });
  await panel.getByText('表格', { exact: true }).click();
  const table = page.getByTestId('ledger-rates-table');
  await table.waitFor();
  await table.locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 20_000 });
  const cell = page.getByTestId(`ledger-rate-${cityCode}`);
  if ((await cell.count()) === 0) return null;
  const text = ((await cell.textContent()) ?? '').trim();
  const m = /^(\d+\.\d{2}) %$/.exec(text);
  assert.ok(m, `a rate like “78.45 %”, got “${text}”`);
  return m[1];
}

/** Fills the downloaded template's data sheet from row 3 (row 2 is the untouched example). */
async function fillTemplate(templatePath, rows, outPath) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const ws = wb.getWorksheet('固废台账');
  assert.ok(ws, 'the template has the 固废台账 sheet');
  const columnOf = new Map();
  ws.getRow(1).eachCell((cell, col) => {
    columnOf.set(String(cell.value).replace(/\*$/, ''), col);
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(3 + i);
    for (const [header, value] of Object.entries(values)) {
      const col = columnOf.get(header);
      assert.ok(col, `the template has a column “${header}”`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  await wb.xlsx.writeFile(outPath);
}

describe('solid-waste ledger import and the city utilisation rate', () => {
  let browser;
  let dir;

  before(async () => {
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'ecep-ledger-e2e-'));
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file with a row that does not balance, naming the row, and takes the corrected file', async () => {
    const { cityCode, period, before, enterprise, types } = await chooseData();
    const [[typeA, labelA], [typeB, labelB]] = types;
    // Row A: 20 000 t generated, 2 000 t utilised (building materials), 18 000 t disposed. Row B does not
    // balance at first: 10 000 t generated ≠ 1 000 utilised + 4 000 disposed + 0 stored.
    const rowA = {
      统一社会信用代码: enterprise.creditCode,
      企业名称: enterprise.name,
      期别: period,
      固废种类: labelA,
      '产生量（吨）': 20000,
      '综合利用量（吨）': 2000,
      '建材（吨）': 2000,
      '处置量（吨）': 18000,
      '贮存量（吨）': 0,
      备注: '浏览器测试',
    };
    const rowB = {
      统一社会信用代码: enterprise.creditCode,
      企业名称: enterprise.name,
      期别: period,
      固废种类: labelB,
      '产生量（吨）': 10000,
      '综合利用量（吨）': 1000,
      '筑路（吨）': 1000,
      '处置量（吨）': 4000,
      '贮存量（吨）': 0,
      备注: '浏览器测试',
    };

    await asSignedIn(
      browser,
      CITY_USER,
      '/ledger',
      async (page) => {
        const rateBefore = await cityRateShown(page, period, cityCode);
        assert.equal(rateBefore, before?.utilizationRatePct ?? null, 'the view shows the API’s rate before');

        await page.goto(`${BASE_URL}/ledger?tab=excel`);
        const downloading = page.waitForEvent('download');
        await page.getByTestId('ledger-template').click();
        const download = await downloading;
        const templatePath = join(dir, 'template.xlsx');
        await download.saveAs(templatePath);

        const badPath = join(dir, 'bad.xlsx');
        await fillTemplate(templatePath, [rowA, rowB], badPath);
        await page.locator('input[type=file]').setInputFiles(badPath);
        const errors = page.getByTestId('ledger-import-errors');
        await errors.waitFor({ timeout: 20_000 });
        const issueRows = page.locator('[data-testid=ledger-import-issues] tbody tr.ant-table-row');
        assert.equal(await issueRows.count(), 1, 'one problem: the row that does not balance');
        const issue = (await issueRows.first().textContent()) ?? '';
        assert.match(issue, /^4/, `the problem is in row 4 (row 3 is fine): “${issue}”`);
        assert.match(issue, /产生量/, 'it names the generated amount that does not add up');
        assert.match(issue, /10000/, 'and its numbers');
        assert.match((await errors.textContent()) ?? '', /未写入任何数据/, 'all-or-nothing: nothing written');

        const city = await apiAs(CITY_USER);
        const { items: afterRefusal } = await city.get(
          `/api/ledgers/solid-waste/entries?enterpriseId=${enterprise.id}&from=${period}&to=${period}&pageSize=50`,
        );
        assert.ok(
          !afterRefusal.some((e) => e.wasteType === typeA || e.wasteType === typeB),
          'the good row of the refused file was not written either',
        );

        const goodPath = join(dir, 'good.xlsx');
        await fillTemplate(templatePath, [rowA, { ...rowB, '处置量（吨）': 9000 }], goodPath);
        await page.locator('input[type=file]').setInputFiles(goodPath);
        const result = page.getByTestId('ledger-import-result');
        await result.waitFor({ timeout: 20_000 });
        assert.match((await result.textContent()) ?? '', /共 2 行，写入 2 条/);

        const rateAfter = await cityRateShown(page, period, cityCode);
        assert.ok(rateAfter, 'the city has a rate after the import');
        assert.notEqual(rateAfter, rateBefore, 'the city’s rate changed');
        const expected = expectedRate({
          generated: milli(before?.generatedT ?? '0') + milli('30000'),
          utilized: milli(before?.utilizedT ?? '0') + milli('3000'),
          fromStock: milli(before?.utilizedFromStockT ?? '0'),
        });
        assert.equal(rateAfter, expected, 'the rate is the city’s totals plus the imported rows');
      },
      { viewport: { width: 1440, height: 900 } },
    );
  });
});
