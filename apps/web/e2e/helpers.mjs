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

/** Runs `fn(page)` in a fresh zh-CN browser context signed in as `username` at `path`; the context is closed after. */
export async function asSignedIn(browser, username, path, fn) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await signIn(page, username, path);
    await fn(page);
  } finally {
    await context.close();
  }
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
