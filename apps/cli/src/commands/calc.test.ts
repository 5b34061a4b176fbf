import { calculationCatalog } from '@ecep/core';
import { buildApp, createDb, type DbHandle, ensureAdmin, loadConfig, migrateToLatest } from '@ecep/server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

/** Runs tasks a few at a time: each CLI run is a node process and the machine has two cores. */
async function inBatches<T, R>(items: readonly T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe('ecep calc and POST /api/calc give the same answers', () => {
  let app: FastifyInstance;
  let db: DbHandle;
  let token: string;
  beforeAll(async () => {
    const config = loadConfig({ logLevel: 'silent', dataDir: 'memory://' }, {});
    db = await createDb(config);
    await migrateToLatest(db.db);
    await ensureAdmin(db.db, 'calc-test-password');
    app = await buildApp(config, { db });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'calc-test-password' },
    });
    token = login.json().token;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const viaApi = async (name: string, input: unknown) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/calc/${name}`,
      payload: input as object,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, body: res.json() as unknown };
  };

  const cases: Array<{ name: string; input: unknown }> = [
    ...calculationCatalog.map((c) => ({ name: c.name, input: c.exampleInput })),
    { name: 'round', input: { value: '2.345', digits: 2 } },
    { name: 'o2-correction', input: { measuredMgPerM3: 40, measuredO2Pct: 21, referenceO2Pct: 6 } },
    { name: 'tce', input: { items: [{ energy: 'raw-coal', amount: 1, unit: 'kWh' }] } },
    { name: 'tce', input: { items: [{ energy: 'moon-dust', amount: 1, unit: 't' }] } },
    { name: 'no-such-calculation', input: {} },
  ];

  it('for every catalogued example and for each kind of error', async () => {
    const results = await inBatches(cases, 4, async (c) => {
      const cli = await runCli(['calc', c.name], JSON.stringify(c.input));
      return { c, cli };
    });
    for (const { c, cli } of results) {
      const api = await viaApi(c.name, c.input);
      const cliBody = JSON.parse(cli.stdout) as unknown;
      expect(cliBody, `${c.name} ${JSON.stringify(c.input)}`).toEqual(api.body);
      expect(cli.code === 0, `${c.name}: exit ${cli.code} vs HTTP ${api.status}`).toBe(api.status === 200);
      if (cli.code !== 0) {
        expect(cli.code).toBe(2);
        expect((cliBody as { error: { code: string; path: string } }).error.code).toMatch(/^CALC_/);
      }
    }
    expect(results.filter((r) => r.cli.code === 0).length).toBeGreaterThanOrEqual(calculationCatalog.length);
  }, 180_000);

  it('refuses the calculation API without a session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/calc/round',
      payload: { value: '1', digits: 0 },
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers round 2.345 → 2.34 from the CLI', async () => {
    const cli = await runCli(['calc', 'round'], '{"value":"2.345","digits":2}');
    expect(JSON.parse(cli.stdout).value).toBe('2.34');
  });

  it('exits 2 with a JSON error when stdin is not JSON', async () => {
    const cli = await runCli(['calc', 'round'], '{nope');
    expect(cli.code).toBe(2);
    expect(JSON.parse(cli.stdout).error.code).toBe('CALC_INVALID_INPUT');
  });
});
