// What the browser journeys share: the server under test, the demo password, the browser, signing in.
// Not a test file itself (`npm run test:e2e` runs e2e/*.e2e.mjs).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.ECEP_E2E_URL?.replace(/\/$/, '');
// A browser test that cannot reach a server fails loudly rather than passing by skipping.
if (!BASE_URL) throw new Error('set ECEP_E2E_URL to the URL of a running `ecep demo` (CI does: see .ci/run)');
export const PASSWORD = process.env.ECEP_E2E_PASSWORD ?? 'Demo@2026';

/** Headless chromium: ECEP_CHROMIUM or /usr/bin/chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.ECEP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Signs in through the login form and waits until the app has gone on to `next`. */
export async function signIn(page, username, next) {
  await page.goto(`${BASE_URL}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/**
 * Runs `fn(page)` in a fresh zh-CN browser context signed in as `username` at `path`; the context is closed after.
 * When `fn` fails, what the page did is printed first (see `recordActivity`).
 */
export async function asSignedIn(browser, username, path, fn, { viewport } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', ...(viewport ? { viewport } : {}) });
  try {
    const page = await context.newPage();
    const activity = recordActivity(page);
    try {
      await signIn(page, username, path);
      return await fn(page);
    } catch (err) {
      await activity.report(`${username} at ${path}`);
      throw err;
    }
  } finally {
    await context.close();
  }
}

/**
 * Keeps a timed log of a page's API calls (method, path, status, milliseconds), failed requests, console errors
 * and uncaught exceptions. `report(label)` prints it with the toasts and status tags on screen, and saves a
 * screenshot when ECEP_E2E_ARTIFACTS names a directory — a browser test that fails once in a while in CI must
 * leave enough behind to say why.
 */
export function recordActivity(page) {
  const started = Date.now();
  const lines = [];
  const at = () => `${((Date.now() - started) / 1000).toFixed(2).padStart(7)} s`;
  const apiPath = (url) => {
    const u = new URL(url);
    return u.pathname.startsWith('/api/') ? u.pathname + u.search : null;
  };
  const sentAt = new WeakMap();
  page.on('request', (req) => {
    const path = apiPath(req.url());
    if (!path) return;
    sentAt.set(req, Date.now());
    lines.push(`${at()} → ${req.method()} ${path}`);
  });
  page.on('response', (res) => {
    const path = apiPath(res.url());
    if (!path) return;
    const ms = Date.now() - (sentAt.get(res.request()) ?? Date.now());
    lines.push(`${at()} ← ${res.status()} ${res.request().method()} ${path} (${ms} ms)`);
  });
  page.on('requestfailed', (req) => {
    const path = apiPath(req.url());
    if (path) lines.push(`${at()} ✗ ${req.method()} ${path}: ${req.failure()?.errorText}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      lines.push(`${at()} console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => lines.push(`${at()} page error: ${err.message}`));
  return {
    async report(label) {
      const onScreen = await page
        .locator('.ant-message-notice, .ant-tag, .ant-form-item-explain-error, .ant-alert, .ant-result-title')
        .allInnerTexts()
        .catch((err) => [`(could not read the page: ${err.message})`]);
      const out = [
        `--- browser activity of ${label} (url ${page.url()}) ---`,
        ...lines,
        `on screen: ${
          onScreen
            .map((t) => t.trim())
            .filter(Boolean)
            .join(' | ') || '(nothing)'
        }`,
      ];
      const dir = process.env.ECEP_E2E_ARTIFACTS;
      if (dir) {
        const file = `${dir}/${label.replace(/[^\w.-]+/g, '_')}-${Date.now()}.png`;
        await page.screenshot({ path: file, fullPage: true }).then(
          () => out.push(`screenshot: ${file}`),
          (err) => out.push(`screenshot failed: ${err.message}`),
        );
      }
      console.error(out.join('\n'));
    },
  };
}

/**
 * Signs in over the API (for choosing test data only; every step under test goes through the browser):
 * `get(path)` fetches as that user, `user` is who they are.
 */
export async function apiAs(username) {
  const res = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(res.status, 200, `API login as ${username}`);
  const { token, user } = await res.json();
  const get = async (path) => {
    const r = await fetch(`${BASE_URL}${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200, `GET ${path}`);
    return r.json();
  };
  return { get, user };
}
