// Browser journey: 在线监测 — the source list, a device page whose live values change as a packet arrives
// (pushed over SSE), and the alarm centre (acknowledge one alarm, or see the empty state).
// Needs a running `ecep demo`: ECEP_E2E_URL=http://localhost:8095 ECEP_E2E_HJ212_PORT=9212 npm run test:e2e
// With ECEP_E2E_HJ212_PORT the test sends its own packet to the gateway; without it, it waits for the
// demo’s simulated data unit to report a newer minute (up to ~2 min).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildDataPacket, encodeFrame } from '@ecep/hj212';
import { asSignedIn, BASE_URL, launchBrowser, signIn } from './helpers.mjs';

const HJ212_PORT = Number(process.env.ECEP_E2E_HJ212_PORT) || null;
const HJ212_HOST = process.env.ECEP_E2E_HJ212_HOST ?? new URL(BASE_URL).hostname;
// The first demo data unit: a flue-gas outlet (ST 31) reporting with the demo device password.
const DEMO_MN = 'DEMO14000000000000000001';
const DEMO_DEVICE_PASSWORD = '123456';

/** Sends one minute packet (CN 2051) for `mn` to the gateway and waits for its 9014 acknowledgement. */
function pushMinute(mn, dataTimeMs, so2) {
  const frame = encodeFrame(
    buildDataPacket({
      st: '31',
      cn: '2051',
      mn,
      pw: DEMO_DEVICE_PASSWORD,
      qn: `${Date.now()}`.padEnd(17, '0'),
      flag: 5,
      dataTime: dataTimeMs,
      factors: {
        a21026: { avg: so2, min: so2, max: so2, zsAvg: so2, flag: 'N' },
        a19001: { avg: 6, flag: 'N' },
      },
    }),
  );
  return new Promise((resolve, reject) => {
    const socket = net.connect(HJ212_PORT, HJ212_HOST, () => socket.write(frame));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no 9014 acknowledgement from the gateway within 10 s'));
    }, 10_000);
    socket.on('data', (chunk) => {
      if (chunk.toString('latin1').includes('CN=9014')) {
        clearTimeout(timer);
        socket.end();
        resolve();
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

describe('在线监测 screens', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('lists the demo sources with their status and opens one', async () => {
    await asSignedIn(browser, 'taiyuan', '/monitoring', async (page) => {
      const rows = page.locator('[data-testid=source-table] tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 15_000 });
      const statuses = await page.getByTestId('source-status').allTextContents();
      assert.ok(statuses.length > 0, 'the city sees at least one source');
      for (const s of statuses) assert.match(s, /^(在线|离线|报警)$/);
      const total = Number(
        (
          await page.locator('[data-testid=counter-total] .ant-statistic-content-value').textContent()
        )?.trim(),
      );
      assert.equal(total, await rows.count(), 'the counter counts the listed sources');
      assert.equal(
        await page.getByTestId('gateway-status').count(),
        0,
        'a city user sees no gateway counters',
      );

      // The status filter lives in the URL.
      await page.getByTestId('counter-online').click();
      await page.waitForURL(/status=online/);

      await page.goto(`${BASE_URL}/monitoring`);
      await rows.first().waitFor();
      const name = (await page.getByTestId('source-link').first().textContent())?.trim();
      await page.getByTestId('source-link').first().click();
      await page.waitForURL(/\/monitoring\/devices\/[^/?]+/);
      assert.equal((await page.getByTestId('device-title').textContent())?.trim(), name);
      // The raw packets behind the figures, with their decoded fields one click away.
      const packetRows = page.getByTestId('packets-panel').locator('tr.ant-table-row');
      await packetRows.first().waitFor({ timeout: 15_000 });
      await packetRows.first().locator('.ant-table-row-expand-icon').click();
      await page.getByTestId('packets-panel').getByText('ST / CN').waitFor();
    });
  });

  it('shows the province the gateway counters, refreshed as packets are acknowledged', async () => {
    await asSignedIn(browser, 'province', '/monitoring', async (page) => {
      const card = page.getByTestId('gateway-status');
      await card.getByText('在线连接').waitFor({ timeout: 15_000 });
      const counter = (title) =>
        card
          .locator('.ant-statistic', { hasText: title })
          .locator('.ant-statistic-content-value')
          .textContent()
          .then((t) => Number(t?.replace(/,/g, '').trim()));
      const connections = await counter('在线连接');
      assert.ok(connections >= 1, `the demo's simulated data units are connected (${connections})`);
      const ackedBefore = await counter('已应答报文');
      // One more acknowledged packet (an hour back, so the live-value test's minute stays untouched), or the
      // demo's own next minute; the card reads the counters again every 10 s.
      if (HJ212_PORT) await pushMinute(DEMO_MN, Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000, 25);
      await page.waitForFunction(
        (before) => {
          const items = [...document.querySelectorAll('[data-testid=gateway-status] .ant-statistic')];
          const acked = items.find((el) => el.textContent?.includes('已应答报文'));
          const value = acked?.querySelector('.ant-statistic-content-value')?.textContent?.replace(/,/g, '');
          return Number(value) > before;
        },
        ackedBefore,
        { timeout: HJ212_PORT ? 15_000 : 80_000 },
      );
    });
  });

  it('shows a live value change on the device page as a packet arrives', async () => {
    await asSignedIn(browser, 'province', `/monitoring/devices/${DEMO_MN}`, async (page) => {
      await page.getByTestId('device-title').waitFor({ timeout: 15_000 });
      const indicator = page.getByTestId('live-indicator');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=live-indicator]')?.textContent === '实时',
        null,
        { timeout: 15_000 },
      );
      assert.equal(await indicator.textContent(), '实时');
      const before = await page
        .getByTestId('live-data-time')
        .textContent()
        .catch(() => null);

      let expected = null;
      if (HJ212_PORT) {
        // The current minute has not closed, so no simulated packet carries it yet: ours is the newest.
        const minute = Math.floor(Date.now() / 60_000) * 60_000;
        const so2 = Number((20 + Math.random() * 10).toFixed(2));
        await pushMinute(DEMO_MN, minute, so2);
        expected = String(so2);
      }
      // The pushed record reaches the page over SSE: the data time (and our value) change without a reload.
      await page.waitForFunction(
        ([old, value]) => {
          const time = document.querySelector('[data-testid=live-data-time]')?.textContent ?? null;
          const so2 = document.querySelector('[data-testid=live-value-a21026]')?.textContent ?? null;
          return time !== null && time !== old && (value === null || so2 === value);
        },
        [before, expected],
        { timeout: HJ212_PORT ? 15_000 : 130_000 },
      );
      assert.notEqual(await page.getByTestId('live-updated-at').textContent(), '尚未收到');
      if (expected) assert.equal(await page.getByTestId('live-value-a21026').textContent(), expected);
    });
  });

  it('acknowledges an open alarm with a comment, or shows that there is none', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      // While the list loads the table is empty too: decide only once the answer is in and rendered.
      const listed = page.waitForResponse(
        (r) => r.url().includes('/api/monitoring/alarms?') && r.request().method() === 'GET',
        { timeout: 20_000 },
      );
      await signIn(page, 'province', '/monitoring/alarms?ack=0');
      const { items } = await (await listed).json();
      await page.locator('[data-testid=alarm-table] .ant-spin-spinning').waitFor({ state: 'detached' });
      await page
        .locator('[data-testid=alarm-table] tbody tr.ant-table-row, [data-testid=alarm-empty]')
        .first()
        .waitFor({ timeout: 15_000 });
      assert.equal(await page.getByTestId('alarm-ack-button').count(), Math.min(items.length, 20));
      const ackButtons = page.getByTestId('alarm-ack-button');
      if ((await ackButtons.count()) === 0) {
        assert.equal((await page.getByTestId('alarm-empty').textContent())?.trim(), '没有符合条件的报警');
        return;
      }
      const comment = `浏览器测试确认 ${Date.now()}`;
      await ackButtons.first().click();
      await page.getByTestId('alarm-ack-comment').fill(comment);
      await page.getByTestId('alarm-ack-ok').click();
      await page.getByText('报警已确认').waitFor();
      // The acknowledged alarm is listed under 已确认 with who and the comment.
      await page.goto(`${BASE_URL}/monitoring/alarms?ack=1`);
      await page
        .getByTestId('alarm-acknowledged')
        .filter({ hasText: comment })
        .first()
        .waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
