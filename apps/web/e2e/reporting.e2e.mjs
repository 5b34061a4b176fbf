// Browser journey: an enterprise files an annual energy report, county, city and province approve it in turn,
// and the province's 总览 counts it among the approved reports.
// Needs a running server with demo data: ECEP_E2E_URL=http://localhost:8095 npm run test:e2e
// It does not start the server (CI does). Chromium: ECEP_CHROMIUM or /usr/bin/chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, asSignedIn, BASE_URL, launchBrowser } from './helpers.mjs';

/** Raw coal in the report, t; GB/T 2589 reference coefficient 0.7143 kgce/kg (= tce/t). */
const RAW_COAL_T = 1000;
const RAW_COAL_TCE_PER_T = 0.7143;
/** The report's comprehensive consumption in thousandths of a tce (the API gives three decimals). */
const EXPECTED_MILLI_TCE = Math.round(RAW_COAL_T * RAW_COAL_TCE_PER_T * 1000);

/** `5 629 884.670` → 5629884670 (thousandths), exact for the figures the overview shows. */
function milliTce(text) {
  const m = /^(-?\d+)(?:\.(\d{1,3}))?$/.exec(text.replace(/[\s,]/g, ''));
  assert.ok(m, `a tce figure with up to three decimals, got “${text}”`);
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/**
 * The overview's year (the latest with province statistics) when the enterprise has no annual report for it,
 * else the latest earlier year without one: the report and the overview must speak of the same year.
 */
async function freeReportYear() {
  const province = await apiAs('province');
  const { year: overviewYear } = await province.get('/api/overview');
  const enterprise = await apiAs('enterprise');
  const { items } = await enterprise.get('/api/reports?periodType=year&pageSize=500');
  const taken = new Set(items.map((r) => r.period));
  const thisYear = new Date().getFullYear();
  for (let y = Math.min(overviewYear, thisYear); y > overviewYear - 15; y--) {
    if (!taken.has(String(y))) return y;
  }
  throw new Error(`the demo enterprise already has annual reports for every year up to ${overviewYear}`);
}

/** Runs `fn(page)` signed in as `username` at `next`, in a 1440 × 900 window. */
function as(browser, username, next, fn) {
  return asSignedIn(browser, username, next, fn, { viewport: { width: 1440, height: 900 } });
}

async function approvedAnnualTce(page, year) {
  await page.goto(`${BASE_URL}/overview?year=${year}`);
  const figure = page.getByTestId('overview-approved-annual-tce');
  await figure.waitFor({ timeout: 20_000 });
  return milliTce((await figure.textContent()) ?? '');
}

/** A reviewer opens the report from the “待我审核” queue and approves it with a comment. */
async function approveFromQueue(browser, username, enterpriseName, year, expectedStatus) {
  await as(browser, username, '/reports', async (page) => {
    const row = page
      .locator('[data-testid=report-queue] tbody tr.ant-table-row')
      .filter({ hasText: enterpriseName })
      .filter({ hasText: `${year} 年报` });
    await row.first().waitFor({ timeout: 15_000 });
    assert.equal(await row.count(), 1, `${username} sees the report once in the queue`);
    await row.click();
    await page.waitForURL(/\/reports\/\d+$/);
    await page.getByTestId('report-approve').click();
    await page.getByTestId('report-decision-text').fill(`${username} 审核通过（浏览器测试）`);
    await page.getByTestId('report-decision-ok').click();
    await page.getByTestId('report-status').filter({ hasText: expectedStatus }).waitFor({ timeout: 15_000 });
    assert.equal(
      await page.getByTestId('report-approve').count(),
      0,
      'no further action is due from this level',
    );
  });
}

describe('energy report workflow from the enterprise to the overview', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('shows a stock that does not balance next to the closing stock field and saves nothing', async () => {
    const year = await freeReportYear();
    await as(browser, 'enterprise', '/reports/new', async (page) => {
      await page.getByTestId('report-period').fill(String(year));
      await page.getByTestId('energy-0-openingStock').fill('10');
      await page.getByTestId('energy-0-purchased').fill('100');
      await page.getByTestId('energy-0-consumed').fill('50');
      await page.getByTestId('energy-0-closingStock').fill('5');
      await page.getByTestId('report-save').click();
      const fieldError = page
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId('energy-0-closingStock') })
        .locator('.ant-form-item-explain-error');
      await fieldError.waitFor({ timeout: 15_000 });
      assert.match((await fieldError.textContent()) ?? '', /期末库存/);
      assert.match(page.url(), /\/reports\/new$/, 'the form stays open');
    });
    const enterprise = await apiAs('enterprise');
    const { items } = await enterprise.get(`/api/reports?periodType=year&period=${year}`);
    assert.equal(items.length, 0, 'no report was created');
  });

  it('counts an annual report in the overview once county, city and province have approved it', async () => {
    const year = await freeReportYear();
    const before = await as(browser, 'province', `/overview`, (page) => approvedAnnualTce(page, year));

    const { id, enterpriseName } = await as(browser, 'enterprise', '/reports', async (page) => {
      await page.getByTestId('report-new').click();
      await page.waitForURL(/\/reports\/new$/);
      await page.getByTestId('report-period').fill(String(year));
      await page.getByTestId('energy-0-purchased').fill(String(RAW_COAL_T));
      await page.getByTestId('energy-0-consumed').fill(String(RAW_COAL_T));
      await page.getByTestId('report-output-value').fill('500');
      await page.getByTestId('report-save').click();
      await page.waitForURL(/\/reports\/\d+$/, { timeout: 15_000 });
      const tce = page.getByTestId('report-comprehensive-tce');
      await tce.waitFor();
      assert.equal(milliTce((await tce.textContent()) ?? ''), EXPECTED_MILLI_TCE);
      await page.getByTestId('report-status').filter({ hasText: '草稿' }).waitFor();

      await page.getByTestId('report-submit').click();
      await page.getByTestId('report-submit-confirm').click();
      await page.getByTestId('report-status').filter({ hasText: '已报送' }).waitFor({ timeout: 15_000 });
      const title = (await page.getByTestId('report-title').textContent()) ?? '';
      return { id: /\/reports\/(\d+)$/.exec(page.url())?.[1], enterpriseName: title.split(' · ')[0].trim() };
    });
    assert.ok(id, 'the new report has an id');
    assert.ok(enterpriseName, 'the report page names the enterprise');

    await approveFromQueue(browser, 'county', enterpriseName, year, '县级已审');
    await approveFromQueue(browser, 'taiyuan', enterpriseName, year, '市级已审');
    await approveFromQueue(browser, 'province', enterpriseName, year, '省级已批准');

    const afterApproval = await as(browser, 'province', '/overview', (page) => approvedAnnualTce(page, year));
    assert.equal(afterApproval - before, EXPECTED_MILLI_TCE, 'the overview grew by the report’s 714.3 tce');
  });
});
