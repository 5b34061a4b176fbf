// Browser journey: sign in, see only the enterprises in scope, open one.
// Needs a running server with demo data: ECEP_E2E_URL=http://localhost:8095 npm run test:e2e
// It does not start the server (CI does). Chromium: ECEP_CHROMIUM or /usr/bin/chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, launchBrowser, signIn as signInTo } from './helpers.mjs';

const ROWS = '[data-testid=enterprise-table] tbody tr.ant-table-row';

/** Signs in through the login form and lands on the enterprise list. */
async function signIn(page, username) {
  await signInTo(page, username, '/enterprises');
  await page.locator(ROWS).first().waitFor({ timeout: 15_000 });
  // The table shows a spinner while a page loads; wait until it has settled.
  await page.locator('[data-testid=enterprise-table] .ant-spin-spinning').waitFor({ state: 'detached' });
}

describe('login and the enterprise directory', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('shows a city admin only the enterprises of their city and opens one', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, 'taiyuan');
      const regions = await page.getByTestId('enterprise-region').allTextContents();
      assert.ok(regions.length > 0, 'the list shows at least one enterprise');
      for (const region of regions)
        assert.match(region, /^太原市/, `every row is in 太原市, got “${region}”`);

      const name = (await page.getByTestId('enterprise-name-text').first().textContent())?.trim();
      await page.locator(ROWS).first().click();
      await page.waitForURL(/\/enterprises\/[^/?]+$/);
      const title = page.getByTestId('enterprise-detail-title');
      await title.waitFor();
      assert.equal((await title.textContent())?.trim(), name);
    } finally {
      await context.close();
    }
  });

  it('shows an enterprise user exactly one enterprise, their own', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, 'enterprise');
      assert.equal(await page.locator(ROWS).count(), 1);
    } finally {
      await context.close();
    }
  });

  it('returns to the login page when not signed in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${BASE_URL}/enterprises`);
      await page.getByTestId('login-username').waitFor();
      assert.match(page.url(), /\/login\?next=%2Fenterprises/);
    } finally {
      await context.close();
    }
  });
});
