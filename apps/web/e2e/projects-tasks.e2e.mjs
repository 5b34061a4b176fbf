// Browser journeys of 重点项目 and 任务督办:
// (a) the province moves a project from 储备 to 开工 on the stage board; a date in the future is refused with the
//     server's message and nothing changes, today's date moves the card to the 开工 column;
// (b) the province gives a task by hand to a unit with a deadline; a user of that unit sees it and reports
//     progress; a user of another unit sees neither the task in the list nor its page.
// Needs a running server with demo data: ECEP_E2E_URL=http://localhost:8095 npm run test:e2e
// It does not start the server (CI does). Chromium: ECEP_CHROMIUM or /usr/bin/chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, asSignedIn, BASE_URL, launchBrowser } from './helpers.mjs';

/** Units of the demo unit users (`gxt`, `fgw`), as the demo seeds them. */
const GXT_UNIT = '山西省工业和信息化厅';
const OTHER_COOPERATING_UNIT = '山西省生态环境厅';

/** `YYYY-MM-DD` in Asia/Shanghai, `days` from now: the calendar the server judges stage dates by. */
function shanghaiDate(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Runs `fn(page)` signed in as `username` at `next`, in a 1440 × 900 window. */
function as(browser, username, next, fn) {
  return asSignedIn(browser, username, next, fn, { viewport: { width: 1440, height: 900 } });
}

/** Types a date into an antd DatePicker found by its label and confirms it. */
async function pickDate(scope, label, date) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  assert.equal(await input.inputValue(), date, `the ${label} field holds ${date}`);
}

describe('key projects: moving a project on the stage board', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('refuses a future date with the server’s message, then moves the project from 储备 to 开工', async () => {
    const today = shanghaiDate();
    const future = shanghaiDate(30);
    const province = await apiAs('province');
    const { items } = await province.get('/api/projects?stage=reserve&pageSize=100');
    const project = items.find((p) => p.stageDate === null || p.stageDate <= today);
    assert.ok(project, 'the demo has a project in 储备 dated no later than today');

    await as(browser, 'province', '/projects', async (page) => {
      await page.getByRole('tab', { name: '阶段看板' }).click();
      const reserve = page.getByTestId('project-column-reserve');
      const started = page.getByTestId('project-column-started');
      const card = reserve.getByTestId(`project-card-${project.id}`);
      await card.waitFor({ timeout: 20_000 });
      assert.equal(await started.getByTestId(`project-card-${project.id}`).count(), 0, 'not under 开工 yet');

      await page.getByTestId(`project-move-${project.id}`).click();
      await page.getByRole('menuitem', { name: '移到“开工”' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '储备 → 开工' });
      await dialog.waitFor();

      await pickDate(dialog, '阶段日期', future);
      await dialog.getByRole('button', { name: '确认变更阶段' }).click();
      const refusal = page.getByTestId('stage-refusal');
      await refusal.waitFor({ timeout: 15_000 });
      const text = (await refusal.textContent()) ?? '';
      assert.match(text, /不能填写未来日期/, `the refusal says why: “${text}”`);
      assert.match(text, new RegExp(future), 'and names the date given');
      assert.ok(await dialog.isVisible(), 'the dialog stays open');
      const refused = await province.get(`/api/projects/${project.id}`);
      assert.equal(refused.stage, 'reserve', 'the refused move changed nothing');

      await pickDate(dialog, '阶段日期', today);
      await dialog.getByRole('button', { name: '确认变更阶段' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      await started.getByTestId(`project-card-${project.id}`).waitFor({ timeout: 15_000 });
      assert.equal(await reserve.getByTestId(`project-card-${project.id}`).count(), 0, 'gone from 储备');
      assert.match(
        (await started.getByTestId(`project-card-${project.id}`).textContent()) ?? '',
        new RegExp(today),
        'the card shows the stage date',
      );
    });

    const moved = await province.get(`/api/projects/${project.id}`);
    assert.equal(moved.stage, 'started');
    assert.equal(moved.stageDate, today);
  });
});

describe('task supervision: a manual task from the province to a unit', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('reaches the lead unit, which reports progress, and stays hidden from another unit', async () => {
    const title = `浏览器测试：余热利用改造督办 ${Date.now()}`;
    const deadline = shanghaiDate(60);
    const reportText = `已完成可研批复（浏览器测试 ${Date.now()}）`;

    const taskId = await as(browser, 'province', '/tasks', async (page) => {
      await page.getByTestId('task-create').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '新增督办任务' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '下达任务' }).click();
      const missing = dialog
        .locator('.ant-form-item')
        .filter({ hasText: '牵头单位' })
        .locator('.ant-form-item-explain-error');
      await missing.waitFor();
      assert.match((await missing.textContent()) ?? '', /至少指定一个牵头单位/, 'the lead unit is asked for');

      await dialog.getByLabel('任务内容').fill(title);
      const lead = dialog.getByLabel('牵头单位');
      await lead.fill(GXT_UNIT);
      await lead.press('Enter');
      await dialog.locator('.ant-modal-title').click(); // closes the options list
      const coop = dialog.getByLabel('配合单位');
      await coop.fill(OTHER_COOPERATING_UNIT);
      await coop.press('Enter');
      await dialog.locator('.ant-modal-title').click();
      await pickDate(dialog, '完成时限', deadline);
      await dialog.getByRole('button', { name: '下达任务' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });

      const row = page.locator('[data-testid=task-table] tbody tr.ant-table-row').filter({ hasText: title });
      await row.waitFor({ timeout: 15_000 });
      assert.match((await row.textContent()) ?? '', new RegExp(deadline), 'the list shows the deadline');
      await row.click();
      await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
      return page.url().split('/').pop();
    });

    const province = await apiAs('province');
    const created = await province.get(`/api/tasks/${taskId}`);
    assert.equal(created.title, title);
    assert.equal(created.source, 'manual');
    assert.deepEqual(created.leadUnits, [GXT_UNIT]);
    assert.deepEqual(created.cooperatingUnits, [OTHER_COOPERATING_UNIT]);
    assert.equal(created.deadline, deadline);

    await as(browser, 'gxt', `/tasks?q=${encodeURIComponent(title)}`, async (page) => {
      const row = page.locator('[data-testid=task-table] tbody tr.ant-table-row').filter({ hasText: title });
      await row.waitFor({ timeout: 15_000 });
      assert.equal(await page.getByTestId('task-create').count(), 0, 'a unit user is offered no 新增任务');
      await row.click();
      await page.waitForURL(new RegExp(`/tasks/${taskId}$`));
      await page.getByTestId('task-report-percent').fill('30');
      await page.getByTestId('task-report-text').fill(reportText);
      await page.getByTestId('task-report-submit').click();
      const report = page
        .getByTestId('task-reports')
        .locator('.ant-list-item')
        .filter({ hasText: reportText });
      await report.waitFor({ timeout: 15_000 });
      const shown = (await report.textContent()) ?? '';
      assert.match(shown, new RegExp(GXT_UNIT), 'the report is in the name of the unit');
      assert.match(shown, /30 %/);
      assert.match(shown, /待审核/);
    });

    const reported = await province.get(`/api/tasks/${taskId}`);
    assert.equal(reported.reports.length, 1);
    assert.equal(reported.reports[0].unit, GXT_UNIT);
    assert.equal(reported.reports[0].percent, 30);
    assert.equal(reported.progressPct, 30);

    await as(browser, 'fgw', `/tasks?q=${encodeURIComponent(title)}`, async (page) => {
      await page.getByText('没有任务：您所在单位或辖区内没有符合条件的督办任务').waitFor({ timeout: 15_000 });
      assert.equal(
        await page
          .locator('[data-testid=task-table] tbody tr.ant-table-row')
          .filter({ hasText: title })
          .count(),
        0,
        'another unit does not see the task in its list',
      );
      await page.goto(`${BASE_URL}/tasks/${taskId}`);
      await page.getByText('没有这项任务').waitFor({ timeout: 15_000 });
      assert.equal(await page.getByText(title).count(), 0, 'nor its page');
    });
    const fgw = await apiAs('fgw');
    const { items: fgwTasks } = await fgw.get('/api/tasks');
    assert.ok(fgwTasks.length > 0, 'fgw has tasks of its own (the check is not vacuous)');
    assert.ok(!fgwTasks.some((t) => t.id === taskId), 'and the API does not list the task to fgw');
  });
});
